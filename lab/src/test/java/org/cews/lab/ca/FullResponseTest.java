package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.CMCStatus;
import org.bouncycastle.asn1.cmc.CMCStatusInfo;
import org.bouncycastle.asn1.cmc.PKIResponse;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.cews.policy.fixtures.LabForest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.RequestFlag;
import org.cews.wcce.msicpr.RequestFlags;
import org.cews.wcce.msicpr.RequestType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pctbCertChain} ([MS-WCCE] 3.2.1.4.2.1.4.8): certs-only CMS by default, a CA-signed CMC
 * full PKI response with CR_IN_FULLRESPONSE, read back with Bouncy Castle.
 */
class FullResponseTest {

    static final RequestFlags FULL = RequestFlags.of(RequestType.ANY, RequestFlag.FULL_RESPONSE);

    @TempDir
    static Path state;

    static LabCaFixture lab;
    static EnterpriseLabCa ca;
    static X509CertificateHolder caCert;

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
        ca = lab.openCa(state);
        caCert = new X509CertificateHolder(ca.chain().get(0).getEncoded());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static byte[] userRequest() throws Exception {
        return Csr.of(TestKeys.rsa("alice", 2048)).template("User").der();
    }

    /** The SignedData verified with the CA certificate, and its PKIResponse. */
    static PKIResponse verifiedResponse(CertServerRequestResponse r) throws Exception {
        CMSSignedData cms = new CMSSignedData(r.cert().bytes());
        assertEquals(CMCObjectIdentifiers.id_cct_PKIResponse.getId(), cms.getSignedContentTypeOID());
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        assertEquals(1, signers.size());
        SignerInformation signer = signers.iterator().next();
        assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                .setProvider(Bc.PROVIDER)
                .build(caCert)));
        assertEquals(2, signer.getSignedAttributes().size(), "contentType and messageDigest only");
        assertTrue(cms.getCertificates().getMatches(signer.getSID()).contains(caCert));
        return PKIResponse.getInstance(cms.getSignedContent().getContent());
    }

    static CMCStatusInfo status(PKIResponse response) {
        TaggedAttribute first =
                TaggedAttribute.getInstance(response.getControlSequence().getObjectAt(0));
        assertEquals(CMCObjectIdentifiers.id_cmc_statusInfo, first.getAttrType());
        assertEquals(1, first.getBodyPartID().getID());
        return CMCStatusInfo.getInstance(first.getAttrValues().getObjectAt(0));
    }

    @Test
    void withoutTheFlagTheChainIsACertsOnlyCms() throws Exception {
        CertServerRequestResponse r = ca.process(submit("", userRequest()), ALICE);
        X509CertificateHolder cert = Calls.issued(r);
        CMSSignedData cms = new CMSSignedData(r.cert().bytes());
        assertEquals(CMSObjectIdentifiers.data.getId(), cms.getSignedContentTypeOID());
        assertEquals(0, cms.getSignerInfos().size());
        assertEquals(2, cms.getCertificates().getMatches(null).size());
        assertTrue(cms.getCertificates().getMatches(null).contains(cert));
        assertTrue(cms.getCertificates().getMatches(null).contains(caCert));
    }

    @Test
    void anIssuedCertificateComesInACmcFullResponse() throws Exception {
        CertServerRequestResponse r = ca.process(submit(FULL, "", userRequest()), ALICE);
        X509CertificateHolder cert = Calls.issued(r);
        PKIResponse response = verifiedResponse(r);
        CMCStatusInfo status = status(response);
        assertEquals(CMCStatus.success, status.getCMCStatus());
        assertEquals("Issued", status.getStatusString().getString());
        assertEquals(1, status.getBodyList()[0].getID());
        TaggedAttribute add =
                TaggedAttribute.getInstance(response.getControlSequence().getObjectAt(1));
        assertEquals(MsOids.CMC_ADD_ATTRIBUTES, add.getAttrType());
        ASN1Set attributes = ASN1Set.getInstance(
                ASN1Sequence.getInstance(add.getAttrValues().getObjectAt(0)).getObjectAt(2));
        Attribute hash = Attribute.getInstance(attributes.getObjectAt(0));
        assertEquals(MsOids.ISSUED_CERT_HASH, hash.getAttrType());
        assertArrayEquals(
                MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()),
                ASN1OctetString.getInstance(hash.getAttrValues().getObjectAt(0)).getOctets());
        CMSSignedData cms = new CMSSignedData(r.cert().bytes());
        assertTrue(cms.getCertificates().getMatches(null).contains(cert));
    }

    @Test
    void aPendingRequestGetsPendInfoWithItsRequestId() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048))
                .subject("CN=alice pending")
                .templateOid(LabForest.FOREST_OID + ".11372818.4139912", 100, 2)
                .der();
        CertServerRequestResponse r = ca.process(submit(FULL, "", der), ALICE);
        assertEquals(Disposition.UNDER_SUBMISSION, r.disposition());
        CMCStatusInfo status = status(verifiedResponse(r));
        assertEquals(CMCStatus.pending, status.getCMCStatus());
        byte[] token = org.bouncycastle.asn1.cmc.PendInfo.getInstance(
                        status.getOtherInfo().toASN1Primitive())
                .getPendToken();
        assertEquals(
                r.requestId(),
                ByteBuffer.wrap(token).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    @Test
    void aDenialGetsAFailedStatusAndNoCertificate() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048)).template("LabRetired").der();
        CertServerRequestResponse r = ca.process(submit(FULL, "", der), ALICE);
        Calls.refused(r, HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE);
        CMCStatusInfo status = status(verifiedResponse(r));
        assertEquals(CMCStatus.failed, status.getCMCStatus());
        assertNotNull(status.getStatusString());
        assertTrue(status.getStatusString().getString().startsWith("Denied by Policy Module"));
        assertEquals(null, status.getOtherInfo());
    }
}
