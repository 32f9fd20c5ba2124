package org.cews.wcce.cmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

/** What an agent credential must be before it signs anything ([MS-WCCE] 3.2.2.6.2.1.2.1). */
class AgentCredentialTest {

    static final KeyPair KEY = TestAgents.rsa();

    @Test
    void aCertificateWithoutTheRequestAgentPurposeIsRefused() {
        var clientAuth = TestAgents.certificate(
                "CN=svc-ces",
                KEY,
                "CN=Test Issuing CA",
                TestAgents.CA_KEY,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        OnBehalfOfException e = assertThrows(
                OnBehalfOfException.class, () -> AgentCredential.of(KEY.getPrivate(), List.of(clientAuth)));
        assertEquals(
                "enrollment agent certificate CN=svc-ces purposes (expected: Certificate Request Agent"
                        + " 1.3.6.1.4.1.311.20.2.1, actual: [1.3.6.1.5.5.7.3.2])",
                e.getMessage());
    }

    @Test
    void theApplicationPoliciesExtensionCountsToo() throws Exception {
        var v2Agent = TestAgents.certificate(
                "CN=svc-ces", KEY, "CN=Test Issuing CA", TestAgents.CA_KEY, null, CmcOids.CERTIFICATE_REQUEST_AGENT);
        assertEquals(
                v2Agent, AgentCredential.of(KEY.getPrivate(), List.of(v2Agent)).certificate());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        var agent = TestAgents.agent(KEY);
        OnBehalfOfException e = assertThrows(
                OnBehalfOfException.class,
                () -> AgentCredential.of(TestAgents.rsa().getPrivate(), agent.chain()));
        assertEquals(
                "enrollment agent key (expected: the key of CN=svc-ces, CN=Users, DC=lab, DC=example, actual: another RSA key)",
                e.getMessage());
    }

    @Test
    void noChainIsRefused() {
        OnBehalfOfException e =
                assertThrows(OnBehalfOfException.class, () -> AgentCredential.of(KEY.getPrivate(), List.of()));
        assertTrue(e.getMessage().endsWith("actual: no certificate)"), e.getMessage());
    }

    @Test
    void validityIncludesBothEnds() throws Exception {
        var agent = TestAgents.agent(KEY);
        assertTrue(agent.validAt(agent.certificate().getNotAfter().toInstant()));
        assertTrue(agent.validAt(agent.certificate().getNotBefore().toInstant()));
        assertFalse(agent.validAt(agent.certificate().getNotAfter().toInstant().plusMillis(1000)));
    }
}
