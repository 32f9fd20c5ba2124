package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.issued;
import static org.cews.lab.ca.Calls.refused;
import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.cews.lab.ca.request.ParsedRequest;
import org.cews.lab.ca.request.RequestFormat;
import org.cews.lab.ca.request.RequestParser;
import org.cews.policy.fixtures.LabForest;
import org.cews.wcce.cmc.AgentCredential;
import org.cews.wcce.cmc.OnBehalfOfSigner;
import org.cews.wcce.msicpr.RequestType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector's on-behalf-of CMC (wcce-connector core, {@link OnBehalfOfSigner}) through the
 * lab CA's parser and policy ([MS-WCCE] 3.2.2.6.2.1.2.1.2): the request is read as CMC with the
 * agent as its one certificate signer and requestername from the envelope; the CA issues with the
 * requester's subject from the directory, and refuses a tampered agent signature.
 */
class ConnectorOnBehalfOfTest {

    @TempDir
    static Path state;

    static LabCaFixture lab;
    static EnterpriseLabCa ca;
    static AgentCredential rsaAgent;

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
        ca = lab.openCa(state);
        rsaAgent = agent(TestKeys.rsa("agent", 2048));
    }

    /** An agent certificate from this CA's EnrollmentAgent template, with the CA chain. */
    static AgentCredential agent(KeyPair key) throws Exception {
        X509CertificateHolder cert = issued(
                ca.process(submit("", Csr.of(key).template("EnrollmentAgent").der()), ALICE));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(new JcaX509CertificateConverter().getCertificate(cert));
        chain.addAll(ca.chain());
        return AgentCredential.of(key.getPrivate(), chain);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static byte[] bobsRequest() throws Exception {
        return Csr.of(TestKeys.rsa("bob", 2048))
                .templateOid(EnrollOnBehalfTest.ON_BEHALF_OID, 100, 1)
                .der();
    }

    @Test
    void theLabReadsTheConnectorsCmcAsAnOnBehalfRequest() throws Exception {
        byte[] cmc = new OnBehalfOfSigner(rsaAgent).sign(bobsRequest(), "LAB\\bob");
        ParsedRequest parsed = RequestParser.parse(cmc, RequestType.ANY);
        assertEquals(RequestFormat.CMS_CMC, parsed.format());
        assertEquals("LAB\\bob", parsed.requesterName().orElseThrow());
        assertEquals(1, parsed.signers().size(), "the agent; the no-signature SignerInfo is skipped");
        assertEquals(
                new JcaX509CertificateConverter()
                        .getCertificate(parsed.signers().get(0).certificate()),
                rsaAgent.certificate());
    }

    @Test
    void anAgentGetsBobHisCertificate() throws Exception {
        byte[] cmc = new OnBehalfOfSigner(rsaAgent).sign(bobsRequest(), "LAB\\bob");
        X509CertificateHolder cert = issued(ca.process(submit("", cmc), ALICE));
        assertEquals(
                "DC=example,DC=lab,CN=Users,CN=Bob Baker,E=bob@lab.example",
                cert.getSubject().toString());
        assertEquals(
                LabForest.BOB.toString(),
                new String(EnrollOnBehalfTest.securitySid(cert), java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * The lab has no EC agent template, so an EC agent is self-signed: its ECDSA signature verifies
     * (a bad one would be NTE_BAD_SIGNATURE) and the policy then refuses the untrusted signer.
     */
    @Test
    void anEcAgentsSignatureVerifiesAndItsUntrustedCertificateIsRefused() throws Exception {
        KeyPair key = TestKeys.ec("ec-agent");
        X509CertificateHolder selfSigned =
                ForeignCertificates.selfSigned(key, "CN=EC Agent", KeyPurposeId.getInstance(MsOids.ENROLLMENT_AGENT));
        AgentCredential ec = AgentCredential.of(
                key.getPrivate(), List.of(new JcaX509CertificateConverter().getCertificate(selfSigned)));
        byte[] cmc = new OnBehalfOfSigner(ec).sign(bobsRequest(), "LAB\\bob");
        refused(ca.process(submit("", cmc), ALICE), CertSrvErrors.CERT_E_UNTRUSTEDROOT);
    }

    @Test
    void aWindowsCertreqCmcIsWrappedWithItsControls() throws Exception {
        byte[] windows;
        try (InputStream in = ConnectorOnBehalfOfTest.class.getResourceAsStream("win11-certreq-cmc-request.der")) {
            windows = in.readAllBytes();
        }
        byte[] cmc = new OnBehalfOfSigner(rsaAgent).sign(windows, "LAB\\bob");
        X509CertificateHolder cert = issued(ca.process(submit("CertificateTemplate:LabOnBehalf", cmc), ALICE));
        assertTrue(
                cert.getSubject().toString().contains("CN=Bob Baker"),
                cert.getSubject().toString());
    }

    @Test
    void aTamperedAgentSignatureIsBadSignature() throws Exception {
        byte[] cmc = new OnBehalfOfSigner(rsaAgent).sign(bobsRequest(), "LAB\\bob");
        CMSSignedData signed = new CMSSignedData(cmc);
        byte[] signature = null;
        for (SignerInformation s : signed.getSignerInfos().getSigners()) {
            if (s.getSID().getSerialNumber() != null) {
                signature = s.getSignature();
            }
        }
        int at = indexOf(cmc, signature);
        cmc[at + signature.length / 2] ^= 0x01;
        refused(ca.process(submit("", cmc), ALICE), CertSrvErrors.NTE_BAD_SIGNATURE);
    }

    static int indexOf(byte[] in, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= in.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (in[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
