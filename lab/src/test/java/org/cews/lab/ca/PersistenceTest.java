package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.issued;
import static org.cews.lab.ca.Calls.retrieve;
import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.store.CaKeyStore;
import org.cews.policy.fixtures.LabForest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state directory: the CA key and certificate and the request table survive a restart. */
class PersistenceTest {

    static LabCaFixture lab;

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void keyRequestsAndIdsSurviveARestart(@TempDir Path state) throws Exception {
        EnterpriseLabCa first = lab.openCa(state, CaKeyAlgorithm.RSA_3072);
        CertServerRequestResponse issuedBefore = first.process(
                submit("", Csr.of(TestKeys.rsa("alice", 2048)).template("User").der()), ALICE);
        X509CertificateHolder cert = issued(issuedBefore);
        int pendingId = first.process(
                        submit(
                                "",
                                Csr.of(TestKeys.rsa("alice", 2048))
                                        .subject("CN=later")
                                        .templateOid(PendingRequestTest.PEND_ALL_OID, 100, 2)
                                        .der()),
                        ALICE)
                .requestId();
        X509Certificate caCert = first.chain().get(0);

        EnterpriseLabCa second = lab.openCa(state, CaKeyAlgorithm.EC_P256);
        assertEquals(caCert, second.chain().get(0), "the same CA, whatever the configured key type now says");
        assertEquals(
                3072,
                ((RSAPublicKey) second.chain().get(0).getPublicKey())
                        .getModulus()
                        .bitLength());
        CertServerRequestResponse again = second.process(retrieve(issuedBefore.requestId()), ALICE);
        assertArrayEquals(cert.getEncoded(), again.encodedCert().bytes());
        assertEquals(
                List.of(pendingId),
                second.pending().stream().map(LabCa.PendingRequest::requestId).toList());
        assertTrue(second.approve(pendingId, "LAB\\Administrator"));
        assertEquals(
                Disposition.ISSUED, second.process(retrieve(pendingId), ALICE).disposition());
        int next = second.process(submit("", new byte[] {0x30, 0x00}), ALICE).requestId();
        assertEquals(pendingId + 1, next, "ids continue");
        X509CertificateHolder signedBySecond = issued(second.process(
                submit("", Csr.of(TestKeys.rsa("alice", 2048)).template("User").der()), ALICE));
        assertTrue(signedBySecond.isSignatureValid(
                new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder().build(caCert)));
    }

    @Test
    void idsKeepIncreasingWhenTheLastRowIsLost(@TempDir Path state) throws Exception {
        EnterpriseLabCa first = lab.openCa(state);
        int id = first.process(submit("", new byte[] {0x30, 0x00}), ALICE).requestId();
        assertEquals(1, id, "ids start at 1");
        try (var files = Files.list(state.resolve("requests"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".request")).toList()) {
                Files.delete(f);
            }
        }
        assertEquals(
                2,
                lab.openCa(state)
                        .process(submit("", new byte[] {0x30, 0x00}), ALICE)
                        .requestId());
    }

    @Test
    void theCaCertificateIsWhatAnIssuingCaNeeds(@TempDir Path state) throws Exception {
        EnterpriseLabCa ca = lab.openCa(state);
        X509CertificateHolder cert = new X509CertificateHolder(ca.chain().get(0).getEncoded());
        assertEquals("CN=" + LabForest.CA_NAME, cert.getSubject().toString());
        assertEquals(cert.getSubject(), cert.getIssuer());
        assertTrue(cert.getExtension(Extension.basicConstraints).isCritical());
        assertTrue(BasicConstraints.fromExtensions(cert.getExtensions()).isCA());
        assertTrue(cert.getExtension(Extension.keyUsage).isCritical());
        assertEquals(
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign), KeyUsage.fromExtensions(cert.getExtensions()));
        assertTrue(cert.getExtension(Extension.subjectKeyIdentifier) != null);
        assertTrue(ca.chain().get(0).getPublicKey() instanceof ECPublicKey);
    }

    @Test
    void theKeyFilesAreOwnerOnly(@TempDir Path state) throws Exception {
        lab.openCa(state);
        for (String f : List.of("ca/ca.p12", "ca/ca.p12.password")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(f))));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("ca"))));
    }

    @Test
    void aStateDirectoryOfAnotherCaIsRefused(@TempDir Path state) throws Exception {
        lab.openCa(state);
        assertThrows(
                IOException.class,
                () -> CaKeyStore.loadOrCreate(
                        state,
                        "Other-CA",
                        CaKeyAlgorithm.EC_P256,
                        java.time.Duration.ofDays(1),
                        LabCaFixture.CLOCK,
                        new java.security.SecureRandom()));
    }
}
