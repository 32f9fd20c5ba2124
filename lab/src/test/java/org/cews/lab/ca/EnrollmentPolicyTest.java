package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.issued;
import static org.cews.lab.ca.Calls.refused;
import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.cews.lab.ca.LabCaFixture.BOB;
import static org.cews.lab.ca.LabCaFixture.CAROL;
import static org.cews.lab.ca.LabCaFixture.NOW;
import static org.cews.lab.ca.LabCaFixture.WEB01;
import static org.cews.lab.ca.LabCaFixture.WEB02;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.issue.CaIdentity;
import org.cews.policy.fixtures.LabForest;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.RequestFlags;
import org.cews.wcce.msicpr.RequestType;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enterprise policy rules of [MS-WCCE] 3.2.2.6.2.1.4, one named test each, through process(). */
class EnrollmentPolicyTest {

    static final String V2_OID = LabForest.FOREST_OID + ".9862511.15203466";

    @TempDir
    static Path state;

    static LabCaFixture lab;
    static EnterpriseLabCa ca;

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
        ca = lab.openCa(state);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static byte[] userRequest(String key) throws Exception {
        return Csr.of(TestKeys.rsa(key, 2048)).template("User").der();
    }

    @Test
    void aliceEnrollsForUserAndGetsWhatTheTemplateSays() throws Exception {
        CertServerRequestResponse r = ca.process(submit("", userRequest("alice")), ALICE);
        X509CertificateHolder cert = issued(r);
        assertEquals("Issued", r.dispositionMessage());
        assertTrue(r.requestId() > 0);
        assertEquals(
                "DC=example,DC=lab,CN=Users,CN=Alice Archer,E=alice@lab.example",
                cert.getSubject().toString());
        assertEquals(ca.chain().get(0).getSubjectX500Principal().getName(), "CN=" + LabForest.CA_NAME);
        GeneralNames san = GeneralNames.fromExtensions(cert.getExtensions(), Extension.subjectAlternativeName);
        OtherName upn = OtherName.getInstance(san.getNames()[0].getName());
        assertEquals(MsOids.NT_PRINCIPAL_NAME, upn.getTypeID());
        assertEquals("alice@lab.example", ((ASN1String) upn.getValue()).getString());
        assertEquals(new GeneralName(GeneralName.rfc822Name, "alice@lab.example"), san.getNames()[1]);
        assertEquals(
                LabForest.ALICE.toString(),
                new String(securitySid(cert), StandardCharsets.US_ASCII),
                "the SID extension holds alice's objectSid");
        Extension template = cert.getExtension(MsOids.ENROLL_CERTTYPE);
        assertFalse(template.isCritical());
        assertEquals(
                "1e080055007300650072",
                HexFormat.of().formatHex(template.getExtnValue().getOctets()));
        Extension ku = cert.getExtension(Extension.keyUsage);
        assertTrue(ku.isCritical());
        assertEquals("030205a0", HexFormat.of().formatHex(ku.getExtnValue().getOctets()));
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(cert.getExtensions());
        assertEquals(3, eku.getUsages().length);
        assertTrue(eku.hasKeyPurposeId(KeyPurposeId.id_kp_clientAuth));
        assertTrue(eku.hasKeyPurposeId(KeyPurposeId.id_kp_emailProtection));
        assertNull(cert.getExtension(MsOids.APPLICATION_POLICIES), "v1 templates carry no application policies");
        assertEquals(NOW.minus(Duration.ofMinutes(10)), cert.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(365)), cert.getNotAfter().toInstant());
        CaIdentity caId = new CaIdentity(
                ca.name(), null, new X509CertificateHolder(ca.chain().get(0).getEncoded()));
        assertTrue(caId.issued(cert));
        assertNotNull(cert.getExtension(Extension.subjectKeyIdentifier));
        assertNotNull(cert.getExtension(Extension.authorityKeyIdentifier));
        assertNotNull(cert.getExtension(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_smimeCapabilities));
        assertEquals(16, cert.getSerialNumber().toByteArray().length);
    }

    static byte[] securitySid(X509CertificateHolder cert) {
        GeneralNames names = GeneralNames.getInstance(
                cert.getExtension(MsOids.NTDS_CA_SECURITY_EXT).getParsedValue());
        OtherName sid = OtherName.getInstance(names.getNames()[0].getName());
        assertEquals(MsOids.NTDS_OBJECTSID, sid.getTypeID());
        return ASN1OctetString.getInstance(sid.getValue()).getOctets();
    }

    @Test
    void aV2TemplateGetsTheTemplateInformationAndApplicationPolicies() throws Exception {
        byte[] der =
                Csr.of(TestKeys.rsa("alice", 2048)).templateOid(V2_OID, 100, 3).der();
        X509CertificateHolder cert = issued(ca.process(submit("", der), ALICE));
        ASN1Primitive info =
                cert.getExtension(MsOids.CERTIFICATE_TEMPLATE).getParsedValue().toASN1Primitive();
        assertEquals("[" + V2_OID + ", 100, 3]", info.toString());
        CertificatePolicies app = CertificatePolicies.getInstance(
                cert.getExtension(MsOids.APPLICATION_POLICIES).getParsedValue());
        assertEquals(
                List.of("1.3.6.1.4.1.311.10.3.4", "1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.2"),
                java.util.Arrays.stream(app.getPolicyInformation())
                        .map(p -> p.getPolicyIdentifier().getId())
                        .toList());
        PolicyInformation[] issuance = CertificatePolicies.getInstance(
                        cert.getExtension(Extension.certificatePolicies).getParsedValue())
                .getPolicyInformation();
        assertEquals(
                LabForest.FOREST_OID + ".7396584.9876543",
                issuance[0].getPolicyIdentifier().getId());
    }

    @Test
    void theCertificateTemplateAttributeNamesTheTemplate() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048)).der();
        issued(ca.process(submit("CertificateTemplate:User\nccm:client1.lab.example", der), ALICE));
    }

    @Test
    void noEnrollRightIsTemplateDenied() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("carol", 2048))
                .subject("CN=www.lab.example")
                .template("WebServer")
                .der();
        CertServerRequestResponse r = ca.process(submit("", der), CAROL);
        refused(r, HResult.CERTSRV_E_TEMPLATE_DENIED);
        assertTrue(r.dispositionMessage().startsWith("Denied by Policy Module  0x80094012, "), r.dispositionMessage());
    }

    @Test
    void theExplicitDenyAceOnLabUserV2BlocksBob() throws Exception {
        byte[] der =
                Csr.of(TestKeys.rsa("bob", 2048)).templateOid(V2_OID, 100, 3).der();
        refused(ca.process(submit("", der), BOB), HResult.CERTSRV_E_TEMPLATE_DENIED);
        issued(ca.process(submit("", der), ALICE));
    }

    @Test
    void aTemplateThisCaDoesNotPublishIsUnsupported() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048)).template("LabRetired").der();
        refused(ca.process(submit("", der), ALICE), HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE);
    }

    @Test
    void anUnknownTemplateNameIsUnsupported() throws Exception {
        byte[] der =
                Csr.of(TestKeys.rsa("alice", 2048)).template("NoSuchTemplate").der();
        refused(ca.process(submit("", der), ALICE), HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE);
    }

    @Test
    void noTemplateAtAllIsNoCertType() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048)).subject("CN=alice").der();
        refused(ca.process(submit("", der), ALICE), HResult.CERTSRV_E_NO_CERT_TYPE);
    }

    @Test
    void identifiersNamingTwoTemplatesConflict() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048)).template("User").der();
        refused(ca.process(submit("CertificateTemplate:LabUserV2", der), ALICE), HResult.CERTSRV_E_TEMPLATE_CONFLICT);
        byte[] both = Csr.of(TestKeys.rsa("alice", 2048))
                .template("User")
                .templateOid(V2_OID, 100, 3)
                .der();
        refused(ca.process(submit("", both), ALICE), HResult.CERTSRV_E_TEMPLATE_CONFLICT);
    }

    @Test
    void identifiersNamingOneTemplateTwiceAgree() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048))
                .templateOid(V2_OID, 100, 3)
                .pair("CertificateTemplate", "LabUserV2")
                .der();
        issued(ca.process(submit("CertificateTemplate:" + V2_OID, der), ALICE));
    }

    @Test
    void aNewerTemplateVersionThanTheDirectorysIsRefused() throws Exception {
        byte[] der =
                Csr.of(TestKeys.rsa("alice", 2048)).templateOid(V2_OID, 100, 4).der();
        refused(ca.process(submit("", der), ALICE), HResult.CERTSRV_E_BAD_TEMPLATE_VERSION);
    }

    @Test
    void aMachineWithoutDnsHostNameIsRefused() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("web02", 2048)).template("Machine").der();
        refused(ca.process(submit("", der), WEB02), HResult.CERTSRV_E_SUBJECT_DNS_REQUIRED);
    }

    @Test
    void aMachineGetsItsDnsNameAsSubjectAndSan() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("web01", 2048)).template("Machine").der();
        X509CertificateHolder cert = issued(ca.process(submit("", der), WEB01));
        assertEquals("CN=web01.lab.example", cert.getSubject().toString());
        GeneralNames san = GeneralNames.fromExtensions(cert.getExtensions(), Extension.subjectAlternativeName);
        assertArrayEquals(
                new GeneralName[] {new GeneralName(GeneralName.dNSName, "web01.lab.example")}, san.getNames());
        assertEquals(LabForest.WEB01.toString(), new String(securitySid(cert), StandardCharsets.US_ASCII));
    }

    @Test
    void aUserWithoutMailCannotHaveTheUserTemplate() throws Exception {
        refused(ca.process(submit("", userRequest("carol")), CAROL), CertSrvErrors.CERTSRV_E_SUBJECT_EMAIL_REQUIRED);
    }

    @Test
    void theEnrolleeSuppliesTheSubjectForWebServer() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048))
                .subject("CN=www.lab.example")
                .dnsName("www.lab.example")
                .template("WebServer")
                .der();
        X509CertificateHolder cert = issued(ca.process(submit("", der), ALICE));
        assertEquals("CN=www.lab.example", cert.getSubject().toString());
        assertNull(cert.getExtension(MsOids.NTDS_CA_SECURITY_EXT), "none in the request, none in the certificate");
        assertNull(cert.getExtension(Extension.basicConstraints));
    }

    @Test
    void aSmallRsaKeyIsKeyLength() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("small", 1024)).template("User").der();
        refused(ca.process(submit("", der), ALICE), CertSrvErrors.CERTSRV_E_KEY_LENGTH);
    }

    @Test
    void anEcKeyIsRefusedByALegacyCspTemplate() throws Exception {
        byte[] der = Csr.of(TestKeys.ec("alice")).template("User").der();
        refused(ca.process(submit("", der), ALICE), CertSrvErrors.NTE_BAD_ALGID);
    }

    @Test
    void undecodableDerIsAFailedRequestWithAnAsn1Error() throws Exception {
        byte[] octetString = {0x04, 0x03, 'a', 'b', 'c'};
        CertServerRequestResponse r = ca.process(submit("", octetString), ALICE);
        refused(r, CertSrvErrors.CRYPT_E_ASN1_BADTAG);
        assertTrue(r.requestId() > 0, "AD CS numbers failed requests too");
        assertTrue(r.dispositionMessage().startsWith("Error Parsing Request"), r.dispositionMessage());
        byte[] good = userRequest("alice");
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 10);
        refused(ca.process(submit("", cut), ALICE), CertSrvErrors.CRYPT_E_ASN1_EOD);
        byte[] text = "not a request".getBytes(StandardCharsets.US_ASCII);
        refused(ca.process(submit("", text), ALICE), CertSrvErrors.CRYPT_E_ASN1_EOD);
    }

    @Test
    void aBrokenProofOfPossessionIsBadSignature() throws Exception {
        byte[] der = userRequest("alice");
        der[der.length - 5] ^= 0x01;
        refused(ca.process(submit("", der), ALICE), CertSrvErrors.NTE_BAD_SIGNATURE);
    }

    @Test
    void aRequestTypeThatDoesNotMatchTheBlobIsInvalidMsgType() throws Exception {
        CertServerRequest call = submit(RequestFlags.of(RequestType.CMC), "", userRequest("alice"));
        refused(ca.process(call, ALICE), HResult.CRYPT_E_INVALID_MSG_TYPE);
    }

    @Test
    void aWrongCaNameIsInvalidArgInTheReturnValue() throws Exception {
        CertServerRequestResponse r =
                ca.process(CertServerRequest.submit(RequestFlags.NONE, "Other-CA", "", userRequest("alice")), ALICE);
        assertEquals(HResult.E_INVALIDARG, r.returnValue());
        assertEquals(0, r.disposition().code());
    }

    @Test
    void aCallerWithoutAnAccountIsNoneMapped() throws Exception {
        refused(
                ca.process(submit("", userRequest("alice")), new RpcPrincipal("mallory", "LAB")),
                CertSrvErrors.ERROR_NONE_MAPPED);
    }

    static final String ECDSA_OID = LabForest.FOREST_OID + ".5550003.5550003";

    @Test
    void aCngTemplateAskingForEcdsaP256IssuesToAnEcKeyWithoutEncipherment() throws Exception {
        byte[] der = Csr.of(TestKeys.ec("alice"))
                .subject("CN=ec.lab.example")
                .templateOid(ECDSA_OID, 100, 1)
                .der();
        X509CertificateHolder cert = issued(ca.process(submit("", der), ALICE));
        assertEquals(
                "1.2.840.10045.2.1",
                cert.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId());
        // the template says a0 00 (digitalSignature, keyEncipherment); an EC key cannot encipher
        assertEquals(
                "03020780",
                HexFormat.of()
                        .formatHex(cert.getExtension(Extension.keyUsage)
                                .getExtnValue()
                                .getOctets()));
    }

    @Test
    void aCngTemplateRefusesAKeyOfAnotherAlgorithmOrCurve() throws Exception {
        byte[] rsa = Csr.of(TestKeys.rsa("alice", 2048))
                .subject("CN=ec.lab.example")
                .templateOid(ECDSA_OID, 100, 1)
                .der();
        refused(ca.process(submit("", rsa), ALICE), CertSrvErrors.NTE_BAD_ALGID);
        byte[] p384 = Csr.of(TestKeys.ecP384("alice"))
                .subject("CN=ec.lab.example")
                .templateOid(ECDSA_OID, 100, 1)
                .der();
        refused(ca.process(submit("", p384), ALICE), CertSrvErrors.NTE_BAD_ALGID);
        byte[] ecForRsaTemplate = Csr.of(TestKeys.ec("alice"))
                .subject("CN=ec.lab.example")
                .templateOid(PendingRequestTest.PEND_ALL_OID, 100, 2)
                .der();
        refused(ca.process(submit("", ecForRsaTemplate), ALICE), CertSrvErrors.NTE_BAD_ALGID);
    }

    @Test
    void aTemplateRequiringKeyArchivalIsArchivedKeyRequired() throws Exception {
        String dn = "CN=WebServer," + LabForest.TEMPLATES;
        lab.ad.server().modify(dn, new Modification(ModificationType.REPLACE, "msPKI-Private-Key-Flag", "1"));
        try {
            byte[] der = Csr.of(TestKeys.rsa("alice", 2048))
                    .subject("CN=www.lab.example")
                    .template("WebServer")
                    .der();
            refused(ca.process(submit("", der), ALICE), CertSrvErrors.CERTSRV_E_ARCHIVED_KEY_REQUIRED);
        } finally {
            lab.ad.server().modify(dn, new Modification(ModificationType.REPLACE, "msPKI-Private-Key-Flag", "0"));
        }
    }
}
