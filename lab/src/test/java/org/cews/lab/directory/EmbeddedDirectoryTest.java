package org.cews.lab.directory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.cews.lab.FakeLabCa;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabCaContext;
import org.cews.policy.acl.AccessEvaluator;
import org.cews.policy.acl.CallerSids;
import org.cews.policy.acl.ControlAccessRight;
import org.cews.policy.acl.Sid;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.AccountSids;
import org.cews.policy.ldap.AdPolicyReader;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded directory answers ldap-policy's reader as the fixtures' own test harness does, and
 * carries the real CA certificate once it is published.
 */
class EmbeddedDirectoryTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();
    static final FakeLabCa CA = new FakeLabCa();

    static final List<String> LAB_OWN_TEMPLATES = List.of("EnrollmentAgent", "LabOnBehalfUser", "LabPendOnBehalf");

    /** The one fixture template lab-enrollment-agent.ldif changes, for the enrollment-agent CES. */
    static final String CHANGED_BY_THE_LAB = "LabKeyBasedRenewal";

    static final Sid SVC_CES = LabForest.DOMAIN_SID.withRid(1109);

    @TempDir
    static Path state;

    static EmbeddedDirectory directory;
    static InMemoryAd harness;
    static Path aia;

    @BeforeAll
    static void start() throws Exception {
        directory = EmbeddedDirectory.start(0, ACCOUNTS);
        aia = CaPublication.publish(directory, CA, state);
        harness = InMemoryAd.start();
    }

    @AfterAll
    static void stop() {
        directory.close();
        harness.close();
    }

    static AdPolicyReader reader(int port) throws Exception {
        LabAccounts.User svc = ACCOUNTS.requireUser("svc-cep");
        LabCaContext context =
                new LabCaContext(state, "127.0.0.1", port, svc.dn(), svc.password(), ACCOUNTS, Clock.systemUTC());
        return new AdPolicyReader(new DirectoryConnector(context.directoryConfig()), Clock.systemUTC());
    }

    @Test
    void readsTheSamePolicyAsTheFixturesHarness() throws Exception {
        PolicySnapshot lab = reader(directory.port()).read();
        PolicySnapshot reference = reader(harness.port()).read();

        assertEquals(List.of(), lab.problems());
        assertEquals(LabForest.CONFIG_NC, lab.configurationNamingContext());
        Set<String> fixtures = names(reference.templates());
        assertEquals(
                Set.of("User", "Machine", "WebServer", "LabUserV2", "LabPendAll", "LabKeyBasedRenewal", "LabRetired"),
                fixtures);
        Set<String> withLabOwn = new java.util.HashSet<>(fixtures);
        withLabOwn.addAll(LAB_OWN_TEMPLATES);
        assertEquals(withLabOwn, names(lab.templates()), "the fixtures plus lab-enrollment-agent.ldif");
        for (CertificateTemplate t : reference.templates()) {
            CertificateTemplate mine = lab.template(t.cn()).orElseThrow();
            assertEquals(t.oid(), mine.oid(), t.cn());
            assertEquals(t.nameFlags(), mine.nameFlags(), t.cn());
            assertEquals(t.enrollmentFlags(), mine.enrollmentFlags(), t.cn());
            assertEquals(t.raRequirements().signatures(), mine.raRequirements().signatures(), t.cn());
            if (!t.cn().equals(CHANGED_BY_THE_LAB)) {
                assertArrayEquals(t.rawSecurityDescriptor(), mine.rawSecurityDescriptor(), t.cn());
                assertEquals(t.raRequirements(), mine.raRequirements(), t.cn());
            }
        }
        assertEquals(reference.enterpriseOids().size(), lab.enterpriseOids().size());
        assertEquals(reference.forestOid(), lab.forestOid());
    }

    /**
     * lab-enrollment-agent.ldif lets the enrollment-agent CES serve LabKeyBasedRenewal: its one RA
     * signature is the agent's (Certificate Request Agent, not Client Authentication), and the agent
     * svc-ces may enroll, besides Domain Computers. LabPendOnBehalf pends and takes the same signature.
     */
    @Test
    void theLabAdaptsKeyBasedRenewalAndAddsAPendingTemplateForTheEnrollmentAgent() throws Exception {
        PolicySnapshot lab = reader(directory.port()).read();
        PolicySnapshot reference = reader(harness.port()).read();
        CertificateTemplate kbr = lab.template(CHANGED_BY_THE_LAB).orElseThrow();
        CertificateTemplate fixture = reference.template(CHANGED_BY_THE_LAB).orElseThrow();
        String agent = "1.3.6.1.4.1.311.20.2.1";
        assertEquals(
                List.of(agent),
                kbr.raRequirements().applicationPolicies().raApplicationPolicies().stream()
                        .map(o -> o.value())
                        .toList());
        assertEquals(
                List.of("1.3.6.1.5.5.7.3.2"),
                fixture.raRequirements().applicationPolicies().raApplicationPolicies().stream()
                        .map(o -> o.value())
                        .toList());
        var enroll = ControlAccessRight.ENROLL;
        var svcCes = CallerSids.exactly(SVC_CES, Set.of());
        assertTrue(AccessEvaluator.check(kbr.securityDescriptor().orElseThrow(), svcCes, enroll)
                .granted());
        assertTrue(!AccessEvaluator.check(fixture.securityDescriptor().orElseThrow(), svcCes, enroll)
                .granted());
        assertTrue(kbr.allowsKeyBasedRenewal());

        CertificateTemplate pend = lab.template("LabPendOnBehalf").orElseThrow();
        assertTrue(pend.pendsAllRequests());
        assertEquals(1, pend.raRequirements().signatures());
        assertEquals(
                List.of(agent),
                pend.raRequirements().applicationPolicies().raApplicationPolicies().stream()
                        .map(o -> o.value())
                        .toList());
    }

    @Test
    void theEnrollmentServiceCarriesTheRealCaCertificate() throws Exception {
        EnrollmentService ca = reader(directory.port())
                .read()
                .enrollmentService(FakeLabCa.NAME)
                .orElseThrow();
        EnrollmentService fixture =
                reader(harness.port()).read().enrollmentService(FakeLabCa.NAME).orElseThrow();

        assertEquals(1, ca.caCertificates().size());
        assertArrayEquals(CA.certificate().getEncoded(), ca.caCertificates().get(0));
        List<String> published = new java.util.ArrayList<>(fixture.certificateTemplates());
        published.addAll(LAB_OWN_TEMPLATES);
        assertEquals(published, ca.certificateTemplates());
        assertEquals(fixture.enrollmentServers(), ca.enrollmentServers());
        assertEquals(
                "CN=Lab-Issuing-CA, DC=lab, DC=example",
                directory.server().getEntry(ca.dn()).getAttributeValue("cACertificateDN"));
    }

    @Test
    void theAiaFileIsTheCaCertificate() throws Exception {
        assertEquals("ca.lab.example_Lab-Issuing-CA.crt", aia.getFileName().toString());
        assertEquals(state.resolve("aia"), aia.getParent());
        assertArrayEquals(CA.certificate().getEncoded(), Files.readAllBytes(aia));
    }

    @Test
    void accountsCarryTheirStoredTokenGroups() throws Exception {
        AdPolicyReader reader = reader(directory.port());
        AccountSids alice = reader.accountSids(reader.findAccount("alice").orElseThrow());
        assertEquals(LabForest.ALICE, alice.sid());
        assertTrue(alice.tokenGroups().contains(LabForest.WEB_SERVER_ENROLLERS));
        assertTrue(alice.tokenGroups().contains(LabForest.DOMAIN_USERS));
    }

    @Test
    void everyLabUserBindsWithTheirPasswordAndNoOtherOne() throws Exception {
        for (LabAccounts.User user : ACCOUNTS.users()) {
            try (LDAPConnection c = new LDAPConnection("127.0.0.1", directory.port())) {
                assertEquals(
                        ResultCode.SUCCESS, c.bind(user.dn(), user.password()).getResultCode(), user.dn());
            }
        }
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", directory.port())) {
            LDAPException e = assertThrows(LDAPException.class, () -> c.bind(LabForest.ALICE_DN, "not her password"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, e.getResultCode());
        }
    }

    @Test
    void usersBindByUpnAndNtNameAsOnAd() throws Exception {
        for (String name : new String[] {"alice@lab.example", "Alice@LAB.EXAMPLE", "LAB\\alice", "lab\\ALICE"}) {
            try (LDAPConnection c = new LDAPConnection("127.0.0.1", directory.port())) {
                assertEquals(ResultCode.SUCCESS, c.bind(name, "Alice-Lab-Pw-1").getResultCode(), name);
            }
        }
        for (String name : new String[] {"alice@other.example", "OTHER\\alice", "LAB\\mallory"}) {
            try (LDAPConnection c = new LDAPConnection("127.0.0.1", directory.port())) {
                assertThrows(LDAPException.class, () -> c.bind(name, "Alice-Lab-Pw-1"), name);
            }
        }
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", directory.port())) {
            LDAPException e = assertThrows(LDAPException.class, () -> c.bind("alice@lab.example", "wrong"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, e.getResultCode());
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertEquals("ldap://127.0.0.1:" + directory.port(), directory.url());
        assertEquals("127.0.0.1", directory.server().getListenAddress("ldap").getHostAddress());
    }

    @Test
    void publishingForAnUnknownCaFails() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> directory.publishCaCertificate("Other-CA", CA.certificate()));
        assertTrue(e.getMessage().contains("no such entry"), e.getMessage());
    }

    private static Set<String> names(List<CertificateTemplate> templates) {
        return Set.copyOf(templates.stream().map(CertificateTemplate::cn).toList());
    }
}
