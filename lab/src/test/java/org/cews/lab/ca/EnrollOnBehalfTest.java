package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.issued;
import static org.cews.lab.ca.Calls.refused;
import static org.cews.lab.ca.Calls.retrieve;
import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.cews.lab.ca.LabCaFixture.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.Envelopes.Signer;
import org.cews.policy.fixtures.LabForest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enroll on behalf of ([MS-WCCE] 3.2.2.6.2.1.2.1): alice, holding a Certificate Request Agent
 * certificate from this CA, signs requests for bob; the RA rules of 3.2.2.6.2.1.4.5.1-4 and the
 * Enroll rights of both the agent and the requester decide.
 */
class EnrollOnBehalfTest {

    static final String ON_BEHALF_OID = LabForest.FOREST_OID + ".5550001.5550001";
    static final String TWO_AGENTS_OID = LabForest.FOREST_OID + ".5550002.5550002";
    static final String USER_V2_OID = LabForest.FOREST_OID + ".9862511.15203466";

    @TempDir
    static Path state;

    static LabCaFixture lab;
    static EnterpriseLabCa ca;
    static KeyPair agentKey = TestKeys.rsa("agent", 2048);
    static X509CertificateHolder agentCert;
    static X509CertificateHolder aliceUserCert;

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
        ca = lab.openCa(state);
        agentCert = issued(ca.process(
                submit("", Csr.of(agentKey).template("EnrollmentAgent").der()), ALICE));
        aliceUserCert = issued(ca.process(
                submit("", Csr.of(TestKeys.rsa("alice", 2048)).template("User").der()), ALICE));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static byte[] forBob(String templateOid) throws Exception {
        Csr csr = Csr.of(TestKeys.rsa("bob", 2048));
        return (templateOid.equals("User") ? csr.template("User") : csr.templateOid(templateOid, 100, 1)).der();
    }

    static byte[] signedBy(byte[] pkcs10, X509CertificateHolder cert, KeyPair key, String requester) throws Exception {
        return Envelopes.cms(
                pkcs10, List.of(new Signer(cert, key.getPrivate(), Map.of("requestername", requester))), List.of(cert));
    }

    static byte[] securitySid(X509CertificateHolder cert) {
        return EnrollmentPolicyTest.securitySid(cert);
    }

    @Test
    void anAgentEnrollsOnBehalfOfBobWithCms() throws Exception {
        byte[] request = signedBy(forBob(ON_BEHALF_OID), agentCert, agentKey, "LAB\\bob");
        CertServerRequestResponse r = ca.process(submit("", request), ALICE);
        X509CertificateHolder cert = issued(r);
        assertEquals(
                "DC=example,DC=lab,CN=Users,CN=Bob Baker,E=bob@lab.example",
                cert.getSubject().toString());
        assertEquals(LabForest.BOB.toString(), new String(securitySid(cert), StandardCharsets.US_ASCII));
        assertEquals(
                Disposition.ISSUED, ca.process(retrieve(r.requestId()), BOB).disposition(), "bob may look too");
        assertEquals(
                Disposition.ISSUED, ca.process(retrieve(r.requestId()), ALICE).disposition());
    }

    @Test
    void anAgentEnrollsOnBehalfOfBobWithCmc() throws Exception {
        KeyPair bob = TestKeys.rsa("bob", 2048);
        byte[] pkcs10 = Csr.of(bob).templateOid(ON_BEHALF_OID, 100, 1).der();
        byte[] cmc = Envelopes.cmc(
                pkcs10, bob, "requestername=LAB%5Cbob", List.of(Signer.of(agentCert, agentKey.getPrivate())));
        X509CertificateHolder cert = issued(ca.process(submit("", cmc), ALICE));
        assertTrue(
                cert.getSubject().toString().contains("CN=Bob Baker"),
                cert.getSubject().toString());
    }

    @Test
    void aVersion1TemplateTakesAnAgentSignatureToo() throws Exception {
        byte[] request = signedBy(forBob("User"), agentCert, agentKey, "LAB\\bob");
        X509CertificateHolder cert = issued(ca.process(submit("", request), ALICE));
        assertTrue(cert.getSubject().toString().contains("CN=Bob Baker"));
    }

    @Test
    void aSignerWithoutTheRequestAgentEkuIsSignatureRejected() throws Exception {
        byte[] request = signedBy(forBob(ON_BEHALF_OID), aliceUserCert, TestKeys.rsa("alice", 2048), "LAB\\bob");
        refused(ca.process(submit("", request), ALICE), CertSrvErrors.CERTSRV_E_SIGNATURE_REJECTED);
    }

    @Test
    void fewerSignaturesThanTheTemplateAsksIsSignatureCount() throws Exception {
        byte[] request = signedBy(forBob(TWO_AGENTS_OID), agentCert, agentKey, "LAB\\bob");
        refused(ca.process(submit("", request), ALICE), CertSrvErrors.CERTSRV_E_SIGNATURE_COUNT);
    }

    @Test
    void requesternameWithoutAnAgentSignatureIsSignaturePolicyRequired() throws Exception {
        KeyPair bob = TestKeys.rsa("bob", 2048);
        byte[] pkcs10 = Csr.of(bob).templateOid(ON_BEHALF_OID, 100, 1).der();
        byte[] cmc = Envelopes.cmc(pkcs10, bob, "requestername=LAB%5Cbob", List.of());
        refused(ca.process(submit("", cmc), BOB), CertSrvErrors.CERTSRV_E_SIGNATURE_POLICY_REQUIRED);
    }

    @Test
    void aV2TemplateWithoutRequiredSignaturesRefusesOnBehalfOf() throws Exception {
        byte[] request = signedBy(forBob(USER_V2_OID), agentCert, agentKey, "LAB\\carol");
        refused(ca.process(submit("", request), ALICE), CertSrvErrors.CERTSRV_E_BAD_RENEWAL_SUBJECT);
    }

    @Test
    void theRequesterNeedsEnrollToo() throws Exception {
        byte[] request = signedBy(forBob("User"), agentCert, agentKey, "LAB\\WEB01$");
        refused(ca.process(submit("", request), ALICE), HResult.CERTSRV_E_TEMPLATE_DENIED);
    }

    @Test
    void theAgentNeedsEnrollOnTheTemplate() throws Exception {
        LabCaFixture.setEnroll(lab.ad, "LabOnBehalf", LabForest.PKI_ENROLL_BLOCKED);
        try {
            byte[] request = signedBy(forBob(ON_BEHALF_OID), agentCert, agentKey, "LAB\\bob");
            refused(ca.process(submit("", request), ALICE), HResult.CERTSRV_E_TEMPLATE_DENIED);
        } finally {
            LabCaFixture.setEnroll(lab.ad, "LabOnBehalf", LabForest.DOMAIN_USERS);
        }
    }

    @Test
    void anUnknownRequesterIsNoneMapped() throws Exception {
        byte[] request = signedBy(forBob(ON_BEHALF_OID), agentCert, agentKey, "LAB\\nobody");
        refused(ca.process(submit("", request), ALICE), CertSrvErrors.ERROR_NONE_MAPPED);
    }

    @Test
    void anAgentCertificateFromElsewhereIsUntrusted() throws Exception {
        KeyPair key = TestKeys.rsa("foreign-agent", 2048);
        X509CertificateHolder foreign = ForeignCertificates.selfSigned(
                key, "CN=Foreign Agent", KeyPurposeId.getInstance(MsOids.ENROLLMENT_AGENT));
        byte[] request = signedBy(forBob(ON_BEHALF_OID), foreign, key, "LAB\\bob");
        refused(ca.process(submit("", request), ALICE), CertSrvErrors.CERT_E_UNTRUSTEDROOT);
    }
}
