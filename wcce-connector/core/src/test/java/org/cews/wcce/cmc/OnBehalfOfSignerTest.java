package org.cews.wcce.cmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.CertificationRequest;
import org.bouncycastle.asn1.cmc.OtherMsg;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cmc.TaggedCertificationRequest;
import org.bouncycastle.asn1.cmc.TaggedContentInfo;
import org.bouncycastle.asn1.cmc.TaggedRequest;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * The on-behalf-of CMC against [MS-WCCE] 3.1.1.4.3.3.3 and RFC 5272, field by field; the round
 * trip through a CA that checks it is the lab's (lab: EnrollOnBehalfTest).
 */
class OnBehalfOfSignerTest {

    static final KeyPair ALICE = TestAgents.rsa();
    static final byte[] ALICE_CSR = TestAgents.pkcs10(ALICE, "CN=ignored by the CA");
    static final KeyPair AGENT_KEY = TestAgents.rsa();

    static AgentCredential agent() throws OnBehalfOfException {
        return TestAgents.agent(AGENT_KEY);
    }

    static SignedData signedData(byte[] der) {
        ContentInfo info = ContentInfo.getInstance(ASN1Sequence.getInstance(der));
        assertEquals(CMSObjectIdentifiers.signedData, info.getContentType(), "contentType: id-signedData");
        return SignedData.getInstance(info.getContent());
    }

    static PKIData pkiData(SignedData signed) {
        assertEquals(
                CMCObjectIdentifiers.id_cct_PKIData,
                signed.getEncapContentInfo().getContentType(),
                "eContentType: id-cct-PKIData");
        return PKIData.getInstance(ASN1Sequence.getInstance(
                ASN1OctetString.getInstance(signed.getEncapContentInfo().getContent())
                        .getOctets()));
    }

    @Test
    void aPkcs10IsWrappedInCmcWithTheRequesterNameAndTwoSignerInfos() throws Exception {
        byte[] der = new OnBehalfOfSigner(agent()).sign(ALICE_CSR, "LAB\\alice");
        assertArrayEquals(
                der, ContentInfo.getInstance(ASN1Sequence.getInstance(der)).getEncoded("DER"), "DER");
        SignedData signed = signedData(der);
        PKIData data = pkiData(signed);

        // reqSequence: exactly one tcr, body part 1, the requester's PKCS#10 byte for byte.
        assertEquals(1, data.getReqSequence().length);
        TaggedCertificationRequest tcr = TaggedCertificationRequest.getInstance(data.getReqSequence()[0].getValue());
        assertEquals(1, tcr.getBodyPartID().getID());
        assertArrayEquals(ALICE_CSR, tcr.getCertificationRequest().getEncoded("DER"));

        // controlSequence: RegInfo (2.2.2.6.3) and the name-value pair (2.2.2.7.10), ids after the tcr.
        TaggedAttribute[] controls = data.getControlSequence();
        assertEquals(2, controls.length);
        assertEquals(2, controls[0].getBodyPartID().getID());
        assertEquals(CMCObjectIdentifiers.id_cmc_regInfo, controls[0].getAttrType());
        assertEquals(
                "requestername=LAB%5Calice",
                new String(
                        ASN1OctetString.getInstance(controls[0].getAttrValues().getObjectAt(0))
                                .getOctets(),
                        StandardCharsets.UTF_8));
        assertEquals(3, controls[1].getBodyPartID().getID());
        assertEquals(CmcOids.NAME_VALUE_PAIR, controls[1].getAttrType());
        assertEquals(
                new DERSet(new DERSequence(
                        new ASN1Encodable[] {new DERBMPString("requestername"), new DERBMPString("LAB\\alice")})),
                controls[1].getAttrValues());
        assertEquals(0, data.getCmsSequence().length);
        assertEquals(0, data.getOtherMsgSequence().length);

        // certificates: the agent's chain (a DER SET: in encoding order).
        AgentCredential agent = agent();
        assertEquals(
                new DERSet(new ASN1Encodable[] {
                    new JcaX509CertificateHolder(agent.chain().get(0)).toASN1Structure(),
                    new JcaX509CertificateHolder(agent.chain().get(1)).toASN1Structure()
                }),
                signed.getCertificates());

        // signerInfos: the no-signature SignerInfo first, then the agent's.
        assertEquals(2, signed.getSignerInfos().size());
        assertNoSignatureSigner(SignerInfo.getInstance(signed.getSignerInfos().getObjectAt(0)), ALICE, ALICE_CSR);
        assertAgentSignature(der, "LAB\\alice", "1.2.840.113549.1.1.11");
    }

    /** RFC 5272 C.1 in the subjectKeyIdentifier form: v3, the requested key's SKI, NULL parameters, SHA-1 of the request. */
    static void assertNoSignatureSigner(SignerInfo first, KeyPair requested, byte[] csr) throws Exception {
        assertEquals(3, first.getVersion().intValueExact(), "version 3: subjectKeyIdentifier");
        assertTrue(first.getSID().isTagged(), "sid [0] subjectKeyIdentifier");
        byte[] keyBits = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                        requested.getPublic().getEncoded())
                .getPublicKeyData()
                .getBytes();
        assertArrayEquals(
                MessageDigest.getInstance("SHA-1").digest(keyBits),
                ASN1OctetString.getInstance(first.getSID().getId()).getOctets(),
                "SHA-1 of the requested key (RFC 5280 4.2.1.2 method 1)");
        assertEquals(CmcOids.NO_SIGNATURE, first.getDigestEncryptionAlgorithm().getAlgorithm());
        assertEquals(DERNull.INSTANCE, first.getDigestEncryptionAlgorithm().getParameters());
        assertNull(first.getAuthenticatedAttributes(), "no signed attributes");
        assertArrayEquals(
                MessageDigest.getInstance("SHA-1").digest(csr),
                first.getEncryptedDigest().getOctets(),
                "NoSignatureValue: SHA-1 of the certification request");
    }

    /** The agent's SignerInfo verifies with its certificate and carries requestername as a signed attribute. */
    static void assertAgentSignature(byte[] der, String requester, String signatureOid) throws Exception {
        CMSSignedData cms = new CMSSignedData(der);
        List<SignerInformation> agents = new ArrayList<>();
        for (SignerInformation s : cms.getSignerInfos().getSigners()) {
            if (!s.getEncryptionAlgOID().equals(CmcOids.NO_SIGNATURE.getId())) {
                agents.add(s);
            }
        }
        assertEquals(1, agents.size());
        SignerInformation agent = agents.get(0);
        assertEquals(1, agent.getVersion(), "version 1: issuerAndSerialNumber");
        X509CertificateHolder cert = (X509CertificateHolder)
                cms.getCertificates().getMatches(agent.getSID()).iterator().next();
        assertTrue(agent.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert)));
        assertEquals(
                signatureOid,
                agent.toASN1Structure()
                        .getDigestEncryptionAlgorithm()
                        .getAlgorithm()
                        .getId());
        assertEquals(
                new DERSet(new DERSequence(
                        new ASN1Encodable[] {new DERBMPString("requestername"), new DERBMPString(requester)})),
                agent.getSignedAttributes().get(CmcOids.NAME_VALUE_PAIR).getAttrValues());
    }

    @Test
    void ecAgentsSignWithTheHashOfTheirCurve() throws Exception {
        KeyPair p256 = TestAgents.ec("secp256r1");
        assertAgentSignature(
                new OnBehalfOfSigner(TestAgents.agent(p256)).sign(ALICE_CSR, "LAB\\alice"),
                "LAB\\alice",
                X9ObjectIdentifiers.ecdsa_with_SHA256.getId());
        KeyPair p384 = TestAgents.ec("secp384r1");
        byte[] der = new OnBehalfOfSigner(TestAgents.agent(p384)).sign(ALICE_CSR, "LAB\\alice");
        assertAgentSignature(der, "LAB\\alice", X9ObjectIdentifiers.ecdsa_with_SHA384.getId());
        assertEquals(
                CmcOids.NO_SIGNATURE,
                SignerInfo.getInstance(signedData(der).getSignerInfos().getObjectAt(0))
                        .getDigestEncryptionAlgorithm()
                        .getAlgorithm(),
                "the no-signature SignerInfo still sorts first");
    }

    @Test
    void anEcRequestIsIdentifiedByItsKey() throws Exception {
        KeyPair bob = TestAgents.ec("secp256r1");
        byte[] csr = TestAgents.pkcs10(bob, "CN=bob");
        byte[] der = new OnBehalfOfSigner(agent()).sign(csr, "LAB\\bob");
        assertNoSignatureSigner(
                SignerInfo.getInstance(signedData(der).getSignerInfos().getObjectAt(0)), bob, csr);
    }

    /** A CMC as Windows certreq sends it: client attributes and a RegInfo control, signed by the requested key. */
    static byte[] requesterCmc(KeyPair key, byte[] csr, TaggedAttribute... controls) throws Exception {
        PKIData data = new PKIData(
                controls,
                new TaggedRequest[] {
                    new TaggedRequest(
                            new TaggedCertificationRequest(new BodyPartID(1), CertificationRequest.getInstance(csr)))
                },
                new TaggedContentInfo[0],
                new OtherMsg[0]);
        byte[] ski = MessageDigest.getInstance("SHA-1")
                .digest(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                                key.getPublic().getEncoded())
                        .getPublicKeyData()
                        .getBytes());
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()), ski));
        return g.generate(new CMSProcessableByteArray(CMCObjectIdentifiers.id_cct_PKIData, data.getEncoded()), true)
                .getEncoded();
    }

    static TaggedAttribute clientAttributes(long id, String name, String value) {
        Attribute pair = new Attribute(
                CmcOids.NAME_VALUE_PAIR,
                new DERSet(new DERSequence(new ASN1Encodable[] {new DERBMPString(name), new DERBMPString(value)})));
        return new TaggedAttribute(
                new BodyPartID(id), CmcOids.CMC_ADD_ATTRIBUTES, new DERSet(new DERSequence(new ASN1Encodable[] {
                    new ASN1Integer(0), new DERSequence(new ASN1Integer(1)), new DERSet(pair)
                })));
    }

    static TaggedAttribute regInfo(long id, String text) {
        return new TaggedAttribute(
                new BodyPartID(id),
                CMCObjectIdentifiers.id_cmc_regInfo,
                new DERSet(new DEROctetString(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aRequesterCmcGivesItsRequestWithItsIdAndOnlyTheAgentsControls() throws Exception {
        TaggedAttribute client = clientAttributes(2, "rmd", "win11.lab.example");
        TaggedAttribute template = regInfo(5, "CertificateTemplate=User");
        byte[] cmc = requesterCmc(ALICE, ALICE_CSR, client, template);
        PKIData data = pkiData(signedData(new OnBehalfOfSigner(agent())
                .sign(cmc, "LAB\\alice", Map.of("CertificateTemplate", "User", "rmd", "win11.lab.example"))));
        TaggedAttribute[] controls = data.getControlSequence();
        assertEquals(2, controls.length, "the requester's controls are not signed by the agent");
        assertEquals(CMCObjectIdentifiers.id_cmc_regInfo, controls[0].getAttrType());
        assertEquals(2, controls[0].getBodyPartID().getID(), "after the tcr's id");
        assertEquals(3, controls[1].getBodyPartID().getID());
        TaggedCertificationRequest tcr = TaggedCertificationRequest.getInstance(data.getReqSequence()[0].getValue());
        assertEquals(1, tcr.getBodyPartID().getID());
        assertArrayEquals(ALICE_CSR, tcr.getCertificationRequest().getEncoded("DER"));
    }

    @Test
    void aCmsAroundAPkcs10GivesThePkcs10() throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        byte[] cms = g.generate(new CMSProcessableByteArray(CMSObjectIdentifiers.data, ALICE_CSR), true)
                .getEncoded();
        PKIData data = pkiData(signedData(new OnBehalfOfSigner(agent()).sign(cms, "LAB\\alice")));
        assertArrayEquals(
                ALICE_CSR,
                TaggedCertificationRequest.getInstance(data.getReqSequence()[0].getValue())
                        .getCertificationRequest()
                        .getEncoded("DER"));
    }

    @Test
    void aRequesterMayNotNameTheRequester() throws Exception {
        OnBehalfOfSigner signer = new OnBehalfOfSigner(agent());
        for (TaggedAttribute control : List.of(
                regInfo(2, "CertificateTemplate=User&RequesterName=LAB%5Cbob"),
                clientAttributes(2, "requestername", "LAB\\bob"),
                new TaggedAttribute(
                        new BodyPartID(2), CmcOids.NAME_VALUE_PAIR, new DERSet(new DERSequence(new ASN1Encodable[] {
                            new DERBMPString("RequesterName"), new DERBMPString("LAB\\bob")
                        }))))) {
            OnBehalfOfException e = assertThrows(
                    OnBehalfOfException.class,
                    () -> signer.sign(requesterCmc(ALICE, ALICE_CSR, control), "LAB\\alice"));
            assertTrue(e.getMessage().contains("expected: no name the CA reserves"), e.getMessage());
        }
    }

    @Test
    void anEnvelopeSignedWithACertificateIsRefused() throws Exception {
        KeyPair old = TestAgents.rsa();
        X509CertificateHolder oldCert = new JcaX509CertificateHolder(
                TestAgents.certificate("CN=alice", old, "CN=Test Issuing CA", TestAgents.CA_KEY, null));
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(old.getPrivate()), oldCert));
        g.addCertificates(new JcaCertStore(List.of(oldCert)));
        byte[] renewal = g.generate(new CMSProcessableByteArray(CMSObjectIdentifiers.data, ALICE_CSR), true)
                .getEncoded();
        OnBehalfOfException e = assertThrows(
                OnBehalfOfException.class, () -> new OnBehalfOfSigner(agent()).sign(renewal, "LAB\\alice"));
        assertTrue(
                e.getMessage().startsWith("request envelope signer (expected: none or the requested key"),
                e.getMessage());
    }

    @Test
    void requesterNamesMustBeDomainBackslashAccount() throws Exception {
        OnBehalfOfSigner signer = new OnBehalfOfSigner(agent());
        for (String bad :
                Arrays.asList(null, "", "alice", "\\alice", "LAB\\", "LAB\\a\\b", " LAB\\alice", "LAB\\al\nice")) {
            OnBehalfOfException e = assertThrows(OnBehalfOfException.class, () -> signer.sign(ALICE_CSR, bad));
            assertTrue(
                    e.getMessage().startsWith("requester name (expected: DOMAIN\\account, actual: "), e.getMessage());
        }
    }

    @Test
    void everyTruncationIsACheckedError() throws Exception {
        OnBehalfOfSigner signer = new OnBehalfOfSigner(agent());
        byte[] cmc = requesterCmc(ALICE, ALICE_CSR, regInfo(2, "CertificateTemplate=User"));
        for (byte[] whole : List.of(ALICE_CSR, cmc)) {
            for (int n = 0; n < whole.length; n++) {
                byte[] cut = Arrays.copyOf(whole, n);
                assertThrows(OnBehalfOfException.class, () -> signer.sign(cut, "LAB\\alice"), "length " + n);
            }
        }
        OnBehalfOfException e = assertThrows(
                OnBehalfOfException.class,
                () -> signer.sign(new DERSequence(new ASN1Integer(7)).getEncoded(), "LAB\\alice"));
        assertTrue(e.getMessage().startsWith("request (expected: DER PKCS#10, CMS or CMC, actual: "), e.getMessage());
    }

    @Test
    void otherContentTypesAreRefused() throws Exception {
        byte[] enveloped = new ContentInfo(CMSObjectIdentifiers.envelopedData, new DERSequence()).getEncoded();
        OnBehalfOfException e = assertThrows(
                OnBehalfOfException.class, () -> new OnBehalfOfSigner(agent()).sign(enveloped, "LAB\\alice"));
        assertEquals(
                "request contentType (expected: id-signedData 1.2.840.113549.1.7.2, actual: 1.2.840.113549.1.7.3)",
                e.getMessage());
    }
}
