package org.cews.lab.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.cews.lab.CesAgentKeyStore;
import org.cews.wcce.cmc.AgentCredential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** svc-ces's Enrollment Agent certificate: enrolled through the CA's policy, kept over restarts. */
class CesAgentKeyStoreTest {

    @TempDir
    static Path state;

    static LabCaFixture lab;
    static EnterpriseLabCa ca;

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
        ca = lab.openCa(state.resolve("ca"));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static AgentCredential read(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, CesAgentKeyStore.PASSWORD.toCharArray());
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : store.getCertificateChain(CesAgentKeyStore.ALIAS)) {
            chain.add((X509Certificate) c);
        }
        return AgentCredential.of(
                (PrivateKey) store.getKey(CesAgentKeyStore.ALIAS, CesAgentKeyStore.PASSWORD.toCharArray()), chain);
    }

    @Test
    void svcCesIsEnrolledOnceAndKept() throws Exception {
        Path dir = Files.createDirectories(state.resolve("once"));
        Path file = CesAgentKeyStore.ensure(dir, ca, LabCaFixture.CLOCK).orElseThrow();
        AgentCredential agent = read(file);
        X509Certificate cert = agent.certificate();
        assertTrue(cert.getSubjectX500Principal().getName().startsWith("CN=svc-ces,CN=Users"), cert.toString());
        assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.4.1.311.20.2.1"));
        assertEquals(ca.chain().get(0), agent.chain().get(1), "the chain up to the lab CA");
        cert.verify(ca.chain().get(0).getPublicKey());

        byte[] first = Files.readAllBytes(file);
        assertEquals(file, CesAgentKeyStore.ensure(dir, ca, LabCaFixture.CLOCK).orElseThrow());
        assertArrayEquals(first, Files.readAllBytes(file), "a usable key store is kept");
    }

    @Test
    void anUnreadableOrForeignKeyStoreIsEnrolledAgain() throws Exception {
        Path dir = Files.createDirectories(state.resolve("again"));
        Files.write(dir.resolve(CesAgentKeyStore.FILE), new byte[] {1, 2, 3});
        Path file = CesAgentKeyStore.ensure(dir, ca, LabCaFixture.CLOCK).orElseThrow();
        read(file).certificate().verify(ca.chain().get(0).getPublicKey());

        // A CA with another key (a fresh state directory) does not trust the old agent certificate.
        EnterpriseLabCa other = lab.openCa(state.resolve("other-ca"));
        X509Certificate before = read(file).certificate();
        CesAgentKeyStore.ensure(dir, other, LabCaFixture.CLOCK).orElseThrow();
        X509Certificate after = read(file).certificate();
        assertFalse(before.equals(after));
        after.verify(other.chain().get(0).getPublicKey());
    }
}
