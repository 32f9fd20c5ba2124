package org.cews.lab.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.cews.lab.ca.Envelopes.Signer;
import org.cews.lab.ca.request.ParsedRequest;
import org.cews.lab.ca.request.RequestFormat;
import org.cews.lab.ca.request.RequestParser;
import org.cews.lab.ca.request.RequestRejected;
import org.cews.lab.ca.request.TemplateId;
import org.cews.policy.model.Oid;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.RequestType;
import org.junit.jupiter.api.Test;

/** [MS-WCCE] 3.2.1.4.2.1.4: the request shapes the CA reads, and the HRESULT for each bad one. */
class RequestParserTest {

    static final KeyPair KEY = TestKeys.rsa("alice", 2048);
    static final String OID = "1.3.6.1.4.1.311.21.8.1.2";

    static HResult rejection(byte[] der, RequestType type) {
        return assertThrows(RequestRejected.class, () -> RequestParser.parse(der, type))
                .code();
    }

    @Test
    void aPkcs10CarriesItsTemplateIdentifiersAndPairs() throws Exception {
        byte[] der = Csr.of(KEY)
                .template("User")
                .templateOid(OID, 7, 2)
                .pair("CertificateTemplate", "User")
                .der();
        ParsedRequest r = RequestParser.parse(der, RequestType.PKCS10);
        assertEquals(RequestFormat.PKCS10, r.format());
        assertEquals(
                List.of(
                        new TemplateId.ByName("User", "PKCS#10 template name extension"),
                        new TemplateId.ByOid(
                                new Oid(OID),
                                OptionalLong.of(7),
                                OptionalLong.of(2),
                                "PKCS#10 template information extension"),
                        new TemplateId.ByName("User", "PKCS#10 name-value pair")),
                r.templateIds());
    }

    @Test
    void aPkcs10NeverCountsAsRenewal() throws Exception {
        X509CertificateHolder old = ForeignCertificates.selfSigned(KEY, "CN=old");
        ParsedRequest r = RequestParser.parse(Csr.of(KEY).renewal(old).der(), RequestType.ANY);
        assertTrue(r.renewalCertificate().isEmpty());
    }

    @Test
    void cmsCarriesTheFirstSignersPairsAndTheSigners() throws Exception {
        X509CertificateHolder agent = ForeignCertificates.selfSigned(KEY, "CN=agent");
        byte[] cms = Envelopes.cms(
                Csr.of(TestKeys.rsa("bob", 2048)).der(),
                List.of(new Signer(agent, KEY.getPrivate(), Map.of("requestername", "LAB\\bob"))),
                List.of(agent));
        ParsedRequest r = RequestParser.parse(cms, RequestType.PKCS7);
        assertEquals(RequestFormat.CMS_PKCS10, r.format());
        assertEquals("LAB\\bob", r.requesterName().orElseThrow());
        assertEquals(agent, r.signers().get(0).certificate());
    }

    @Test
    void cmcCarriesRegInfoPairsAndTemplate() throws Exception {
        byte[] cmc =
                Envelopes.cmc(Csr.of(KEY).der(), KEY, "CertificateTemplate=User&requestername=LAB%5Cbob", List.of());
        ParsedRequest r = RequestParser.parse(cmc, RequestType.CMC);
        assertEquals(RequestFormat.CMS_CMC, r.format());
        assertEquals(List.of(new TemplateId.ByName("User", "CMC attributes")), r.templateIds());
        assertEquals("LAB\\bob", r.requesterName().orElseThrow());
        assertEquals(List.of(), r.signers());
    }

    @Test
    void aNullSignatureIsAcceptedInsideCmcOnly() throws Exception {
        CertificationRequest signed =
                CertificationRequest.getInstance(Csr.of(KEY).der());
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(signed.getCertificationRequestInfo().getEncoded(ASN1Encoding.DER));
        byte[] nullSigned = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    signed.getCertificationRequestInfo(),
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    new DERBitString(hash)
                })
                .getEncoded();
        assertEquals(CertSrvErrors.NTE_BAD_SIGNATURE, rejection(nullSigned, RequestType.ANY));
        ParsedRequest r = RequestParser.parse(Envelopes.cmc(nullSigned, KEY, null, List.of()), RequestType.ANY);
        assertEquals(RequestFormat.CMS_CMC, r.format());
    }

    @Test
    void aCmsWithoutSignerInfosIsNoSigner() throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        byte[] cms = gen.generate(new CMSProcessableByteArray(Csr.of(KEY).der()), true)
                .getEncoded();
        assertEquals(HResult.CRYPT_E_NO_SIGNER, rejection(cms, RequestType.ANY));
    }

    @Test
    void aSignerWhoseCertificateIsMissingIsSignerNotFound() throws Exception {
        X509CertificateHolder agent = ForeignCertificates.selfSigned(TestKeys.rsa("bob", 2048), "CN=agent");
        byte[] cms = Envelopes.cms(
                Csr.of(KEY).der(),
                List.of(Signer.of(agent, TestKeys.rsa("bob", 2048).getPrivate())),
                List.of());
        assertEquals(CertSrvErrors.CRYPT_E_SIGNER_NOT_FOUND, rejection(cms, RequestType.ANY));
    }

    @Test
    void cmsOverSomethingElseThanAPkcs10IsInvalidData() throws Exception {
        X509CertificateHolder signer = ForeignCertificates.selfSigned(KEY, "CN=signer");
        byte[] cms = Envelopes.cms(
                new DERSequence().getEncoded(), List.of(Signer.of(signer, KEY.getPrivate())), List.of(signer));
        assertEquals(HResult.ERROR_INVALID_DATA, rejection(cms, RequestType.ANY));
    }

    @Test
    void anotherEContentTypeIsInvalidMessageType() throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        byte[] cms = gen.generate(
                        new CMSProcessableByteArray(
                                CMCObjectIdentifiers.id_cct_PKIResponse,
                                Csr.of(KEY).der()),
                        true)
                .getEncoded();
        assertEquals(HResult.CRYPT_E_INVALID_MSG_TYPE, rejection(cms, RequestType.ANY));
        byte[] enveloped = new DERSequence(
                        new org.bouncycastle.asn1.ASN1Encodable[] {CMSObjectIdentifiers.envelopedData, new DERSequence()
                        })
                .getEncoded();
        assertEquals(HResult.CRYPT_E_INVALID_MSG_TYPE, rejection(enveloped, RequestType.ANY));
    }

    @Test
    void aRequestTypeMustMatchTheBlob() throws Exception {
        byte[] cmc = Envelopes.cmc(Csr.of(KEY).der(), KEY, null, List.of());
        assertEquals(HResult.CRYPT_E_INVALID_MSG_TYPE, rejection(cmc, RequestType.PKCS10));
        assertEquals(HResult.CRYPT_E_INVALID_MSG_TYPE, rejection(Csr.of(KEY).der(), RequestType.KEYGEN));
    }

    @Test
    void hostileBytesAreAsn1Errors() {
        assertEquals(CertSrvErrors.CRYPT_E_ASN1_EOD, rejection(new byte[0], RequestType.ANY));
        assertEquals(
                CertSrvErrors.CRYPT_E_ASN1_EOD,
                rejection(new byte[] {0x30, (byte) 0x84, 0x7f, -1, -1, -1}, RequestType.ANY));
        assertEquals(CertSrvErrors.CRYPT_E_ASN1_BADTAG, rejection(new byte[] {0x02, 0x01, 0x05}, RequestType.ANY));
        assertEquals(
                CertSrvErrors.CRYPT_E_ASN1_BADTAG,
                rejection(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}, RequestType.ANY));
    }

    @Test
    void everyTruncationOfARealRequestIsRejectedNotThrown() throws Exception {
        byte[] der = RealRequestsTest.resource("win11-certreq-cmc-request.der");
        for (int n = 0; n < der.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(der, n);
            RequestRejected e = assertThrows(RequestRejected.class, () -> RequestParser.parse(cut, RequestType.ANY));
            assertTrue(e.code().isFailure());
        }
    }
}
