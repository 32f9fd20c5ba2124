package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.issued;
import static org.cews.lab.ca.Calls.refused;
import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.Envelopes.Signer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lab CA as the oracle of enroll-on-behalf-of requests ([MS-WCCE] 3.2.2.6.2.1.2.1.1-2): a
 * requester name is read the way the CA reads attribute names ([MS-WCCE] 3.2.1.4.2.1.2: blanks and
 * minus signs removed, any case; RegInfo percent-decoded, 2.2.2.6.3), only from what an enrollment
 * agent signed, and a request that names two requesters is refused rather than issued to either.
 * Each spelling is one an attacker could slip past a filter that compares names literally (issue 11).
 */
class ForgedRequesterNameTest {

    static final String ON_BEHALF_OID = EnrollOnBehalfTest.ON_BEHALF_OID;

    @TempDir
    static Path state;

    static LabCaFixture lab;
    static EnterpriseLabCa ca;
    static KeyPair agentKey = TestKeys.rsa("agent", 2048);
    static X509CertificateHolder agentCert;

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
        ca = lab.openCa(state);
        agentCert = issued(ca.process(
                submit("", Csr.of(agentKey).template("EnrollmentAgent").der()), ALICE));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static byte[] bobsRequest(KeyPair bob) throws Exception {
        return Csr.of(bob).templateOid(ON_BEHALF_OID, 100, 1).der();
    }

    static byte[] cmcWithRegInfo(String regInfo) throws Exception {
        KeyPair bob = TestKeys.rsa("bob", 2048);
        return Envelopes.cmc(bobsRequest(bob), bob, regInfo, List.of(Signer.of(agentCert, agentKey.getPrivate())));
    }

    static void assertIssuedToBob(X509CertificateHolder cert) {
        assertTrue(
                cert.getSubject().toString().contains("CN=Bob Baker"),
                cert.getSubject().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"requester-name", "Requester Name", "requester%2Dname", "REQUESTERNAME", "requester+name"})
    void aRegInfoRequesterNameIsReadInEverySpellingTheCaNormalises(String spelling) throws Exception {
        assertIssuedToBob(issued(ca.process(submit("", cmcWithRegInfo(spelling + "=LAB%5Cbob")), ALICE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"requester-name", "Requester Name", "requester%2Dname", "REQUESTERNAME", "requester+name"})
    void aForgedRegInfoRequesterNameBeforeTheAgentsOwnIsRefused(String spelling) throws Exception {
        byte[] cmc = cmcWithRegInfo(spelling + "=LAB%5CAdministrator&requestername=LAB%5Cbob");
        refused(ca.process(submit("", cmc), ALICE), CertSrvErrors.CERTSRV_E_BAD_REQUESTSUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"requester-name", "Requester Name", "REQUESTERNAME", "requestername"})
    void aRequesterNameInASignerInfoOfTheRequestedKeyIsRefused(String spelling) throws Exception {
        KeyPair bob = TestKeys.rsa("bob", 2048);
        byte[] cms = Envelopes.cms(
                bobsRequest(bob),
                List.of(
                        new Signer(agentCert, agentKey.getPrivate(), Map.of("requestername", "LAB\\bob")),
                        Signer.byRequestKey(bob, Map.of(spelling, "LAB\\Administrator"))),
                List.of(agentCert));
        refused(ca.process(submit("", cms), ALICE), CertSrvErrors.CERTSRV_E_BAD_REQUESTSUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"requester-name", "Requester Name", "REQUESTERNAME"})
    void aRequesterNameOnlyTheRequesterSignedIsRefusedNotIssuedToItsName(String spelling) throws Exception {
        KeyPair bob = TestKeys.rsa("bob", 2048);
        byte[] cms = Envelopes.cms(
                bobsRequest(bob),
                List.of(
                        Signer.of(agentCert, agentKey.getPrivate()),
                        Signer.byRequestKey(bob, Map.of(spelling, "LAB\\Administrator"))),
                List.of(agentCert));
        refused(ca.process(submit("", cms), ALICE), CertSrvErrors.CERTSRV_E_BAD_REQUESTSUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"requester-name", "Requester Name", "REQUESTERNAME"})
    void anAgentSignedRequesterNameIsReadInEverySpelling(String spelling) throws Exception {
        KeyPair bob = TestKeys.rsa("bob", 2048);
        byte[] cms = Envelopes.cms(
                bobsRequest(bob),
                List.of(new Signer(agentCert, agentKey.getPrivate(), Map.of(spelling, "LAB\\bob"))),
                List.of(agentCert));
        assertIssuedToBob(issued(ca.process(submit("", cms), ALICE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"requester-name", "Requester Name", "REQUESTERNAME"})
    void twoAgentSignedRequesterNamesThatDifferAreRefused(String spelling) throws Exception {
        KeyPair bob = TestKeys.rsa("bob", 2048);
        byte[] cms = Envelopes.cms(
                bobsRequest(bob),
                List.of(new Signer(
                        agentCert,
                        agentKey.getPrivate(),
                        Map.of(spelling, "LAB\\Administrator", "requestername", "LAB\\bob"))),
                List.of(agentCert));
        refused(ca.process(submit("", cms), ALICE), CertSrvErrors.CERTSRV_E_BAD_REQUESTSUBJECT);
    }
}
