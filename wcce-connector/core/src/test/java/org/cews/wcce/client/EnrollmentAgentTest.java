package org.cews.wcce.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.RequestFormat;
import org.cews.wcce.cmc.AgentCredential;
import org.cews.wcce.cmc.TestAgents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent credential from a PKCS#12 key store, and requests signed with it. */
class EnrollmentAgentTest {

    static final char[] PASSWORD = "Agent-P12-Pw".toCharArray();
    static final Clock NOW = Clock.fixed(TestAgents.NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    Path keyStore(String alias, AgentCredential agent) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, agent.key(), PASSWORD, agent.chain().toArray(Certificate[]::new));
        store.setCertificateEntry("ca", agent.chain().get(1));
        Path file = dir.resolve("ces-agent.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    static EnrollmentRequest forAlice() {
        return new EnrollmentRequest(
                        RequestFormat.PKCS10,
                        TestAgents.pkcs10(TestAgents.rsa(), "CN=alice"),
                        Map.of("CertificateTemplate", "LabOnBehalfUser"),
                        true)
                .onBehalfOf("LAB\\alice");
    }

    @Test
    void theOnlyKeyEntrySignsTheRequestAsCmc() throws Exception {
        AgentCredential agent = TestAgents.agent(TestAgents.rsa());
        EnrollmentAgent ea = new EnrollmentAgent(keyStore("svc-ces", agent), PASSWORD, null, NOW);
        EnrollmentRequest signed = ea.sign(forAlice());
        assertEquals(RequestFormat.CMC, signed.format());
        assertEquals(Map.of("CertificateTemplate", "LabOnBehalfUser"), signed.attributes());
        assertTrue(signed.fullResponse());
        assertTrue(!signed.isOnBehalfOf(), "what goes to the CA is already signed");
        assertEquals(
                "1.2.840.113549.1.7.2",
                ContentInfo.getInstance(ASN1Sequence.getInstance(signed.request()))
                        .getContentType()
                        .getId());
    }

    @Test
    void aWrongAliasOrPasswordIsNamed() throws Exception {
        Path file = keyStore("svc-ces", TestAgents.agent(TestAgents.rsa()));
        CaException alias =
                assertThrows(CaException.class, () -> new EnrollmentAgent(file, PASSWORD, "other", NOW).current());
        assertEquals(
                "enrollment agent key store " + file
                        + " entry other (expected: a private key with its certificate chain, actual: no such alias)",
                alias.getMessage());
        CaException password = assertThrows(
                CaException.class, () -> new EnrollmentAgent(file, "wrong".toCharArray(), null, NOW).current());
        assertTrue(
                password.getMessage()
                        .startsWith("enrollment agent key store " + file
                                + " (expected: PKCS#12 opened by the configured password, actual: "),
                password.getMessage());
        CaException missing = assertThrows(
                CaException.class, () -> new EnrollmentAgent(dir.resolve("none.p12"), PASSWORD, null, NOW).current());
        assertTrue(missing.getMessage().contains("NoSuchFileException"), missing.getMessage());
    }

    @Test
    void anExpiredAgentCertificateSignsNothing() throws Exception {
        AgentCredential agent = TestAgents.agent(TestAgents.rsa());
        Clock later = Clock.offset(NOW, Duration.ofDays(400));
        EnrollmentAgent ea = new EnrollmentAgent(keyStore("svc-ces", agent), PASSWORD, null, later);
        CaException e = assertThrows(CaException.class, () -> ea.sign(forAlice()));
        assertTrue(e.getMessage().startsWith("the enrollment agent certificate CN=svc-ces"), e.getMessage());
        assertTrue(e.getMessage().endsWith("enroll a new one and replace the key store"), e.getMessage());
    }

    @Test
    void aReplacedKeyStoreIsReadAgain() throws Exception {
        Path file = keyStore("svc-ces", TestAgents.agent(TestAgents.rsa()));
        EnrollmentAgent ea = new EnrollmentAgent(file, PASSWORD, null, NOW);
        AgentCredential first = ea.current();
        AgentCredential renewed = TestAgents.agent(TestAgents.rsa());
        keyStore("svc-ces", renewed);
        Files.setLastModifiedTime(
                file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertEquals(renewed.key(), ea.current().key());
        assertTrue(!first.key().equals(ea.current().key()));
    }

    @Test
    void aBadRequestIsACaExceptionNamingTheRequester() throws Exception {
        EnrollmentAgent ea =
                new EnrollmentAgent(keyStore("svc-ces", TestAgents.agent(TestAgents.rsa())), PASSWORD, null, NOW);
        EnrollmentRequest garbage = new EnrollmentRequest(
                        RequestFormat.PKCS10, new byte[] {0x30, 0x03, 0x02, 0x01}, Map.of(), false)
                .onBehalfOf("LAB\\alice");
        CaException e = assertThrows(CaException.class, () -> ea.sign(garbage));
        assertTrue(
                e.getMessage()
                        .startsWith("the enrollment agent cannot sign the request on behalf of LAB\\alice:"
                                + " X6900103 request is not BER at offset 0 (expected: "),
                e.getMessage());
    }

    @Test
    void requesterNamesAreCheckedByTheApi() {
        EnrollmentRequest plain = new EnrollmentRequest(RequestFormat.PKCS10, new byte[] {1}, Map.of(), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.onBehalfOf("alice"));
        assertEquals("requester name (expected: DOMAIN\\user, actual: alice)", e.getMessage());
    }

    @Test
    void aSessionRefusesAnUnsignedOnBehalfOfRequest() throws Exception {
        // IcprSession.submit checks before it touches the association, so none is needed.
        java.lang.reflect.Constructor<IcprSession> c = IcprSession.class.getDeclaredConstructor(
                CaEndpoint.class, org.cews.wcce.msrpce.RpcClientAssociation.class, String.class);
        c.setAccessible(true);
        IcprSession session = c.newInstance(new CaEndpoint("127.0.0.1", 135, "Test-CA"), null, "127.0.0.1:1");
        CaException e = assertThrows(CaException.class, () -> session.submit(forAlice()));
        assertEquals(
                "a request on behalf of LAB\\alice must be signed by the enrollment agent before it is submitted",
                e.getMessage());
    }
}
