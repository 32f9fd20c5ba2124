package org.cews.policy.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SelfSignedCertificateGenerator;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.cews.policy.acl.AccessEvaluator;
import org.cews.policy.acl.ControlAccessRight;
import org.cews.policy.acl.WellKnownSids;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transport, failover, timeouts, paging fallbacks and tokenGroups against the in-memory AD. */
class DirectoryConnectionTest {

    /** A port nothing listens on: bound, then closed. */
    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void failsOverToTheSecondDomainController() throws Exception {
        int down = closedPort();
        try (InMemoryAd ad = InMemoryAd.start()) {
            PolicySnapshot snapshot = AdPolicyReaderTest.reader(
                            AdPolicyReaderTest.config(down, ad.port()).build())
                    .read();
            assertEquals(7, snapshot.templates().size());
        }
    }

    @Test
    void noReachableControllerIsADirectoryException() throws Exception {
        int a = closedPort();
        int b = closedPort();
        DirectoryException e = assertThrows(DirectoryException.class, () -> AdPolicyReaderTest.reader(
                        AdPolicyReaderTest.config(a, b).build())
                .read());
        String prefix = "no domain controller usable (tried 127.0.0.1:" + a + ", 127.0.0.1:" + b + " over NONE): ";
        assertTrue(e.getMessage().startsWith(prefix + "91 (connect error)"), e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accept, never answer
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            DirectoryConfig config = AdPolicyReaderTest.config(silent.getLocalPort())
                    .responseTimeout(Duration.ofMillis(300))
                    .build();
            long start = System.nanoTime();
            DirectoryException e = assertThrows(DirectoryException.class, () -> AdPolicyReaderTest.reader(config)
                    .read());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
            assertTrue(
                    e.getMessage().contains("TIMEOUT")
                            || e.getMessage().toLowerCase().contains("timeout"),
                    e.getMessage());
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void fallsBackWhenAServerRefusesPaging() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        InMemoryOperationInterceptor refusePaging = new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
                if (request.getRequest().hasControl(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                    refused.incrementAndGet();
                    throw new LDAPException(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION, "no paging here");
                }
            }
        };
        try (InMemoryAd ad = InMemoryAd.start(refusePaging)) {
            PolicySnapshot snapshot = AdPolicyReaderTest.reader(
                            AdPolicyReaderTest.config(ad.port()).pageSize(2).build())
                    .read();
            assertEquals(7, snapshot.templates().size());
            assertEquals(1, snapshot.enrollmentServices().size());
            assertTrue(refused.get() >= 3, "paging was tried on each search: " + refused.get());
        }
    }

    @Test
    void aServerThatIgnoresPagingAnswersInOneGo() throws Exception {
        InMemoryOperationInterceptor ignorePaging = new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                SearchRequest copy = request.getRequest().duplicate();
                List<Control> kept = new ArrayList<>();
                for (Control c : copy.getControls()) {
                    if (!c.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                        kept.add(c);
                    }
                }
                copy.setControls(kept);
                request.setRequest(copy);
            }
        };
        try (InMemoryAd ad = InMemoryAd.start(ignorePaging)) {
            PolicySnapshot snapshot = AdPolicyReaderTest.reader(
                            AdPolicyReaderTest.config(ad.port()).pageSize(2).build())
                    .read();
            assertEquals(7, snapshot.templates().size());
            assertEquals(1, ad.searchesUnder(LabForest.TEMPLATES).size());
        }
    }

    @Test
    void readsObjectSidAndTokenGroupsAndFindsAccounts() throws Exception {
        try (InMemoryAd ad = InMemoryAd.start()) {
            AdPolicyReader reader = AdPolicyReaderTest.reader(
                    AdPolicyReaderTest.config(ad.port()).build());
            AccountSids bob = reader.accountSids(LabForest.BOB_DN);
            assertEquals(LabForest.BOB, bob.sid());
            assertEquals(
                    Set.of(LabForest.DOMAIN_USERS, LabForest.PKI_ENROLL_BLOCKED, WellKnownSids.BUILTIN_USERS),
                    bob.tokenGroups());
            assertTrue(bob.callerSids().contains(WellKnownSids.AUTHENTICATED_USERS));
            InMemoryAd.SeenSearch search = ad.searchesUnder(LabForest.BOB_DN).get(0);
            assertEquals("BASE", search.scope().toUpperCase());
            assertEquals(java.util.Optional.of(LabForest.WEB01_DN), reader.findAccount("WEB01$"));
            assertEquals(java.util.Optional.empty(), reader.findAccount("nobody"));
            DirectoryException e =
                    assertThrows(DirectoryException.class, () -> reader.accountSids("CN=Nobody," + LabForest.USERS));
            assertTrue(e.getMessage().contains("CN=Nobody"), e.getMessage());
        }
    }

    @Test
    void readsOverLdapsAndStartTls(@TempDir Path dir) throws Exception {
        File keystore = dir.resolve("server.p12").toFile();
        SelfSignedCertificateGenerator.generateSelfSignedCertificate(
                "cews-test", keystore, "changeit", "PKCS12", "server");
        SSLUtil serverSsl =
                new SSLUtil(new KeyStoreKeyManager(keystore, "changeit".toCharArray(), "PKCS12", "server"), null);
        SSLUtil clientSsl = new SSLUtil(new TrustStoreTrustManager(keystore, "changeit".toCharArray(), "PKCS12", true));
        SSLContext clientContext = clientSsl.createSSLContext();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (InMemoryAd ad = InMemoryAd.start(
                null,
                InMemoryListenerConfig.createLDAPSConfig(
                        "ldaps", loopback, 0, serverSsl.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig("starttls", loopback, 0, serverSsl.createSSLSocketFactory()))) {
            for (TransportSecurity security : List.of(TransportSecurity.LDAPS, TransportSecurity.START_TLS)) {
                int port = ad.port(security == TransportSecurity.LDAPS ? "ldaps" : "starttls");
                DirectoryConfig config = AdPolicyReaderTest.config(port)
                        .security(security)
                        .sslContext(clientContext)
                        .verifyHostname(false) // the generated certificate names this machine, not 127.0.0.1
                        .build();
                assertEquals(
                        7, AdPolicyReaderTest.reader(config).read().templates().size(), security.toString());
            }
            SSLContext trustsNothing = new SSLUtil(new TrustStoreTrustManager(
                            dir.resolve("empty.p12").toFile(), "x".toCharArray(), "PKCS12", true))
                    .createSSLContext();
            DirectoryConfig untrusted = AdPolicyReaderTest.config(ad.port("ldaps"))
                    .security(TransportSecurity.LDAPS)
                    .sslContext(trustsNothing)
                    .build();
            assertThrows(DirectoryException.class, () -> AdPolicyReaderTest.reader(untrusted)
                    .read());
        }
    }

    @Test
    void theFixturesGiveEachLabAccountTheRightsTheirAclsSay() throws Exception {
        try (InMemoryAd ad = InMemoryAd.start()) {
            AdPolicyReader reader = AdPolicyReaderTest.reader(
                    AdPolicyReaderTest.config(ad.port()).build());
            PolicySnapshot snapshot = reader.read();
            var alice = reader.accountSids(LabForest.ALICE_DN).callerSids();
            var bob = reader.accountSids(LabForest.BOB_DN).callerSids();
            var web01 = reader.accountSids(LabForest.WEB01_DN).callerSids();
            var admin = reader.accountSids(LabForest.ADMINISTRATOR_DN).callerSids();
            record Row(
                    String template,
                    boolean aliceEnroll,
                    boolean aliceAuto,
                    boolean bobEnroll,
                    boolean web01Enroll,
                    boolean web01Auto,
                    boolean adminEnroll) {}
            List<Row> expected = List.of(
                    new Row("User", true, false, true, false, false, true),
                    new Row("Machine", false, false, false, true, false, true),
                    new Row("WebServer", true, false, false, false, false, true),
                    new Row("LabUserV2", true, true, false, false, false, true),
                    new Row("LabPendAll", true, false, true, false, false, true),
                    new Row("LabKeyBasedRenewal", false, false, false, true, true, false),
                    new Row("LabRetired", true, false, true, false, false, true));
            for (Row row : expected) {
                var sd = snapshot.template(row.template())
                        .orElseThrow()
                        .securityDescriptor()
                        .orElseThrow();
                var a = AccessEvaluator.templatePermission(sd, alice);
                var w = AccessEvaluator.templatePermission(sd, web01);
                Row actual = new Row(
                        row.template(),
                        a.canEnroll(),
                        a.canAutoEnroll(),
                        AccessEvaluator.check(sd, bob, ControlAccessRight.ENROLL)
                                .granted(),
                        w.canEnroll(),
                        w.canAutoEnroll(),
                        AccessEvaluator.check(sd, admin, ControlAccessRight.ENROLL)
                                .granted());
                assertEquals(row, actual);
            }
        }
    }

    @Test
    void aMalformedTemplateIsReportedAndTheOthersStillRead() throws Exception {
        try (InMemoryAd ad = InMemoryAd.start()) {
            ad.server()
                    .add(
                            "dn: CN=Broken," + LabForest.TEMPLATES,
                            "objectClass: top",
                            "objectClass: pKICertificateTemplate",
                            "cn: Broken",
                            "pKIExpirationPeriod:: AEA5hy7h/g==", // 7 bytes
                            "pKIOverlapPeriod:: AICmCv/e//8=");
            PolicySnapshot snapshot = AdPolicyReaderTest.reader(
                            AdPolicyReaderTest.config(ad.port()).build())
                    .read();
            assertEquals(7, snapshot.templates().size());
            assertEquals(1, snapshot.problems().size());
            var problem = snapshot.problems().get(0);
            assertEquals("CN=Broken," + LabForest.TEMPLATES, problem.dn());
            assertEquals("pKIExpirationPeriod", problem.attribute());
            assertEquals("00 40 39 87 2e e1 fe", problem.value());
        }
    }

    @Test
    void aServerNamedByDnsIsReachedAtTheGivenAddress() throws Exception {
        try (InMemoryAd ad = InMemoryAd.start()) {
            LdapServer dc = new LdapServer("dc1.lab.example", ad.port()).at("127.0.0.1");
            DirectoryConfig config = AdPolicyReaderTest.config().server(dc).build();
            AdPolicyReader reader = AdPolicyReaderTest.reader(config);
            assertEquals(7, reader.read().templates().size());
            try (var connection = new DirectoryConnector(config).connect()) {
                assertEquals("dc1.lab.example", connection.getConnectedAddress()); // the name Kerberos uses
            }
            assertEquals("dc1.lab.example:" + ad.port() + " (at 127.0.0.1)", dc.toString());
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new LdapServer("dc1.lab.example", 636).at("dc1"));
        assertEquals("the address of dc1.lab.example must be an IP address: dc1", e.getMessage());
    }

    /** The keytab is checked before the JDK tries it: its own message would be about a password. */
    @Test
    void aGssapiBindWithAMissingOrForeignKeytabIsRefusedBeforeTheKdc(@TempDir Path dir) throws Exception {
        Path foreign = Files.write(dir.resolve("svc-ces.keytab"), Keytabs.aes256("svc-ces@LAB.EXAMPLE", 2));
        try (InMemoryAd ad = InMemoryAd.start()) {
            for (var keytab : List.of(dir.resolve("missing.keytab"), foreign)) {
                DirectoryConfig config = AdPolicyReaderTest.config(ad.port())
                        .bind(new BindMethod.GssapiKeytab("svc-cep@LAB.EXAMPLE", keytab))
                        .build();
                DirectoryException e = assertThrows(DirectoryException.class, () -> AdPolicyReaderTest.reader(config)
                        .read());
                String why = keytab == foreign
                        ? "keytab " + foreign + " holds no key for svc-cep@LAB.EXAMPLE"
                        : "keytab " + keytab + " does not exist or cannot be read";
                assertEquals(
                        "no domain controller usable (tried 127.0.0.1:" + ad.port() + " over NONE): 82 (local error): "
                                + why,
                        e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new BindMethod.GssapiKeytab(" ", foreign));
    }
}
