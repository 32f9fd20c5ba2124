package org.cews.soap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.AccountLookup;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.PasswordCheck;
import org.cews.policy.ldap.TransportSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each mode's mapping to an account on the in-memory AD (ldap-policy's lab forest). */
class CallerResolverTest {

    static final AuthSettings SETTINGS = new AuthSettings(
            "LAB.EXAMPLE",
            "LAB",
            Duration.ofSeconds(60),
            3,
            4,
            Duration.ofMinutes(5),
            Duration.ofMinutes(2),
            Duration.ZERO);

    static final RevocationPolicy NO_REVOCATION =
            new RevocationPolicy(RevocationPolicy.Mode.OFF, true, Duration.ZERO, Duration.ofSeconds(1));

    private InMemoryAd ad;
    private MutableClock clock;
    private CallerResolver resolver;

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2027-01-15T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() throws Exception {
        ad = InMemoryAd.start();
        clock = new MutableClock();
        resolver = resolver(ad.port(), SETTINGS);
    }

    private CallerResolver resolver(int port, AuthSettings settings) throws Exception {
        return resolver(port, settings, NO_REVOCATION);
    }

    private CallerResolver resolver(int port, AuthSettings settings, RevocationPolicy revocation) throws Exception {
        DirectoryConnector connector = new DirectoryConnector(DirectoryConfig.builder()
                .server("127.0.0.1", port)
                .security(TransportSecurity.NONE)
                .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .build());
        return new CallerResolver(
                new AccountLookup(connector),
                new PasswordCheck(connector),
                settings,
                clock,
                new RevocationCheck(clock, () -> revocation));
    }

    @AfterEach
    void stop() {
        ad.close();
    }

    static X509Certificate[] chain(String name) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (InputStream leaf = CallerResolverTest.class.getResourceAsStream("certs/" + name + ".pem");
                InputStream ca = CallerResolverTest.class.getResourceAsStream("certs/ca.pem")) {
            return new X509Certificate[] {
                (X509Certificate) factory.generateCertificate(leaf), (X509Certificate) factory.generateCertificate(ca)
            };
        }
    }

    static UsernameToken token(String user, String password) {
        return new UsernameToken(
                user,
                password.toCharArray(),
                Optional.of(
                        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"),
                Optional.empty(),
                Optional.empty());
    }

    private static AuthenticationException.Kind kind(Executable call) {
        return assertThrows(AuthenticationException.class, call::run).kind();
    }

    @FunctionalInterface
    interface Executable {
        void run() throws Exception;
    }

    // ---- Kerberos

    @Test
    void kerberosPrincipalMapsToItsAccountWithTokenGroups() throws Exception {
        Account alice = resolver.kerberos("alice@LAB.EXAMPLE");
        assertEquals("LAB\\alice", alice.ntName());
        assertEquals("alice@LAB.EXAMPLE", alice.kerberosPrincipal());
        assertEquals(LabForest.ALICE_DN, alice.dn());
        assertEquals(LabForest.ALICE, alice.sids().user());
        assertTrue(alice.sids().contains(LabForest.DOMAIN_USERS), "primary group from tokenGroups");
        assertTrue(alice.sids().contains(LabForest.WEB_SERVER_ENROLLERS));
        assertEquals("WEB01$", resolver.kerberos("WEB01$@LAB.EXAMPLE").samAccountName());
        assertEquals(
                "WEB01$",
                resolver.kerberos("host/web01.lab.example@LAB.EXAMPLE").samAccountName());
    }

    @Test
    void kerberosPrincipalOfAnotherRealmOrUnknownIsRefused() {
        AuthenticationException e =
                assertThrows(AuthenticationException.class, () -> resolver.kerberos("alice@OTHER.EXAMPLE"));
        assertEquals(AuthenticationException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().startsWith("SOAP0504 "), e.getMessage());
        assertEquals(AuthenticationException.Kind.REFUSED, kind(() -> resolver.kerberos("alice@lab.example")));
        assertEquals(AuthenticationException.Kind.REFUSED, kind(() -> resolver.kerberos("mallory@LAB.EXAMPLE")));
    }

    @Test
    void accountsAreKeptForTheCacheTimeThenAskedAgain() throws Exception {
        resolver.kerberos("alice@LAB.EXAMPLE");
        int searches = ad.searches().size();
        resolver.kerberos("alice@LAB.EXAMPLE");
        assertEquals(searches, ad.searches().size(), "served from the cache");
        clock.now = clock.now.plusSeconds(61);
        resolver.kerberos("alice@LAB.EXAMPLE");
        assertTrue(ad.searches().size() > searches, "asked again after 60 s");
    }

    @Test
    void anUnreachableDirectoryIsUnavailableNotRefused() throws Exception {
        int port = ad.port();
        ad.close();
        CallerResolver cut = resolver(port, SETTINGS);
        assertEquals(AuthenticationException.Kind.UNAVAILABLE, kind(() -> cut.kerberos("alice@LAB.EXAMPLE")));
        assertEquals(
                AuthenticationException.Kind.UNAVAILABLE, kind(() -> cut.password(token("svc-cep", "x"), "192.0.2.1")));
        ad = InMemoryAd.start();
    }

    // ---- Certificate

    @Test
    void certificateMapsBySidExtensionThenUpnThenDnsName() throws Exception {
        assertEquals(
                "alice",
                resolver.certificate(chain("sid_alice"), false).orElseThrow().samAccountName());
        assertEquals(
                "alice",
                resolver.certificate(chain("upn_alice"), false).orElseThrow().samAccountName());
        Account web01 = resolver.certificate(chain("dns_web01"), false).orElseThrow();
        assertEquals("WEB01$", web01.samAccountName());
        assertTrue(web01.sids().contains(LabForest.DOMAIN_COMPUTERS));
    }

    @Test
    void unmappedCertificateIsRefusedExceptForKeyBasedRenewal() throws Exception {
        AuthenticationException e =
                assertThrows(AuthenticationException.class, () -> resolver.certificate(chain("upn_nobody"), false));
        assertEquals(AuthenticationException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("UPN nobody@lab.example, DNS nothing.lab.example"), e.getMessage());
        assertEquals(Optional.empty(), resolver.certificate(chain("upn_nobody"), true));
        // Key-based renewal still uses the mapping when there is one.
        assertEquals(
                "alice",
                resolver.certificate(chain("upn_alice"), true).orElseThrow().samAccountName());
    }

    @Test
    void sidExtensionMustNameAnAccountAndAgreeWithTheNames() throws Exception {
        AuthenticationException mismatch = assertThrows(
                AuthenticationException.class, () -> resolver.certificate(chain("sid_bob_upn_alice"), false));
        assertTrue(mismatch.getMessage().startsWith("SOAP0509 "), mismatch.getMessage());
        assertTrue(mismatch.getMessage().contains("alice"), mismatch.getMessage());
        assertEquals(
                AuthenticationException.Kind.REFUSED, kind(() -> resolver.certificate(chain("sid_unknown"), false)));
        // Not even key-based renewal takes a SID that names nobody.
        assertEquals(
                AuthenticationException.Kind.REFUSED, kind(() -> resolver.certificate(chain("sid_unknown"), true)));
    }

    @Test
    void certificateOutsideItsValidityIsRefused() throws Exception {
        X509Certificate[] chain = chain("sid_alice");
        clock.now = chain[0].getNotAfter().toInstant().plusSeconds(1);
        AuthenticationException e =
                assertThrows(AuthenticationException.class, () -> resolver.certificate(chain, false));
        assertTrue(e.getMessage().startsWith("SOAP0507 "), e.getMessage());
        clock.now = chain[0].getNotBefore().toInstant().minusSeconds(1);
        assertEquals(AuthenticationException.Kind.REFUSED, kind(() -> resolver.certificate(chain, true)));
    }

    @Test
    void revocationOnRefusesACertificateWhoseCrlCannotBeFetched() throws Exception {
        CallerResolver checking = resolver(
                ad.port(),
                new AuthSettings(
                        "LAB.EXAMPLE",
                        "LAB",
                        Duration.ZERO,
                        3,
                        4,
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(2),
                        Duration.ZERO),
                new RevocationPolicy(RevocationPolicy.Mode.CRL, true, Duration.ZERO, Duration.ofSeconds(2)));
        assertEquals(List.of("http://127.0.0.1:9/lab.crl"), RevocationCheck.crlUrls(chain("upn_alice")[0]));
        AuthenticationException e =
                assertThrows(AuthenticationException.class, () -> checking.certificate(chain("upn_alice"), false));
        assertTrue(e.getMessage().startsWith("SOAP0510 "), e.getMessage());
        // A CRL that cannot be fetched now may be fetched later: 503, not 403.
        assertEquals(AuthenticationException.Kind.UNAVAILABLE, e.kind());
        AuthenticationException none =
                assertThrows(AuthenticationException.class, () -> checking.certificate(chain("sid_alice"), false));
        assertTrue(none.getMessage().contains("names no http CRL distribution point"), none.getMessage());
        assertEquals(AuthenticationException.Kind.REFUSED, none.kind());
    }

    // ---- UsernamePassword

    @Test
    void passwordIsCheckedByABindAsTheAccountInEveryNameForm() throws Exception {
        for (String name : new String[] {"svc-cep@lab.example", "LAB\\svc-cep", "svc-cep", "lab.example\\svc-cep"}) {
            Account account = resolver.password(token(name, LabForest.SVC_CEP_PASSWORD), "192.0.2.1");
            assertEquals("LAB\\svc-cep", account.ntName(), name);
            assertEquals(LabForest.SVC_CEP, account.sids().user());
        }
    }

    @Test
    void wrongEmptyOrDigestPasswordsAndForeignDomainsAreRefused() {
        AuthenticationException wrong = assertThrows(
                AuthenticationException.class, () -> resolver.password(token("svc-cep", "wrong"), "192.0.2.1"));
        assertEquals(AuthenticationException.Kind.REFUSED, wrong.kind());
        assertTrue(wrong.getMessage().startsWith("SOAP0514 "), wrong.getMessage());
        AuthenticationException empty =
                assertThrows(AuthenticationException.class, () -> resolver.password(token("svc-cep", ""), "192.0.2.2"));
        assertTrue(empty.getMessage().startsWith("SOAP0512 "), empty.getMessage());
        UsernameToken digest = new UsernameToken(
                "svc-cep",
                "x".toCharArray(),
                Optional.of(
                        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"),
                Optional.empty(),
                Optional.empty());
        assertEquals(AuthenticationException.Kind.REFUSED, kind(() -> resolver.password(digest, "192.0.2.3")));
        assertEquals(
                AuthenticationException.Kind.REFUSED,
                kind(() -> resolver.password(token("OTHER\\svc-cep", LabForest.SVC_CEP_PASSWORD), "192.0.2.4")));
        assertEquals(
                AuthenticationException.Kind.REFUSED,
                kind(() -> resolver.password(token("nobody", LabForest.SVC_CEP_PASSWORD), "192.0.2.5")));
    }

    @Test
    void repeatedFailuresAreRateLimitedPerAccountForTheBlockTimeOnly() throws Exception {
        for (int i = 0; i < 3; i++) {
            String source = "192.0.2." + (10 + i); // other sources: the account limit applies
            assertEquals(
                    AuthenticationException.Kind.REFUSED,
                    kind(() -> resolver.password(token("svc-cep", "wrong"), source)));
        }
        // Now even the right password is refused, under any name form of the account.
        assertEquals(
                AuthenticationException.Kind.RATE_LIMITED,
                kind(() -> resolver.password(token("svc-cep@lab.example", LabForest.SVC_CEP_PASSWORD), "192.0.2.20")));
        clock.now = clock.now.plus(Duration.ofMinutes(2)).plusSeconds(1);
        assertEquals(
                "svc-cep",
                resolver.password(token("svc-cep", LabForest.SVC_CEP_PASSWORD), "192.0.2.20")
                        .samAccountName());
    }

    @Test
    void repeatedFailuresFromOneSourceAreRateLimitedForEveryAccount() throws Exception {
        for (String user : new String[] {"alice", "bob", "carol", "nobody"}) {
            assertEquals(
                    AuthenticationException.Kind.REFUSED,
                    kind(() -> resolver.password(token(user, "guess"), "198.51.100.7")));
        }
        assertEquals(
                AuthenticationException.Kind.RATE_LIMITED,
                kind(() -> resolver.password(token("svc-cep", LabForest.SVC_CEP_PASSWORD), "198.51.100.7")));
        assertEquals(
                "svc-cep",
                resolver.password(token("svc-cep", LabForest.SVC_CEP_PASSWORD), "198.51.100.8")
                        .samAccountName());
    }

    @Test
    void certificateMappingsAreKeptPerExactCertificate() throws Exception {
        resolver.certificate(chain("sid_alice"), false);
        int searches = ad.searches().size();
        resolver.certificate(chain("sid_alice"), false);
        assertEquals(searches, ad.searches().size(), "the same certificate, parsed anew: served from the cache");
        resolver.certificate(chain("upn_alice"), false);
        assertTrue(ad.searches().size() > searches, "another certificate of the same account is mapped anew");
        clock.now = clock.now.plusSeconds(61);
        int before = ad.searches().size();
        resolver.certificate(chain("sid_alice"), false);
        assertTrue(ad.searches().size() > before, "asked again after 60 s");
    }

    // ---- UsernamePassword with the password cache (docs/AUTHENTICATION.md §3.1)

    /** Simple binds as an account other than the service's own: the password checks. */
    static final class BindCounter extends InMemoryOperationInterceptor {
        final java.util.concurrent.atomic.AtomicInteger binds = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
            if (!request.getRequest().getBindDN().equalsIgnoreCase(LabForest.SVC_CEP_DN)) {
                binds.incrementAndGet();
            }
        }
    }

    private static final AuthSettings CACHING = new AuthSettings(
            "LAB.EXAMPLE",
            "LAB",
            Duration.ofSeconds(60),
            3,
            50,
            Duration.ofMinutes(5),
            Duration.ofMinutes(2),
            Duration.ofSeconds(30));

    private BindCounter counting() throws Exception {
        ad.close();
        BindCounter counter = new BindCounter();
        ad = InMemoryAd.start(counter);
        ad.server()
                .modify(
                        LabForest.ALICE_DN,
                        new Modification(ModificationType.REPLACE, "userPassword", "Alice-Old-Pw-1"));
        resolver = resolver(ad.port(), CACHING);
        return counter;
    }

    @Test
    void aWarmRightPasswordNeedsNoBindInAnyNameForm() throws Exception {
        BindCounter counter = counting();
        resolver.password(token("alice@lab.example", "Alice-Old-Pw-1"), "192.0.2.30");
        assertEquals(1, counter.binds.get());
        for (String name : new String[] {"alice@lab.example", "LAB\\alice", "alice"}) {
            Account account = resolver.password(token(name, "Alice-Old-Pw-1"), "192.0.2.30");
            assertEquals("LAB\\alice", account.ntName(), name);
        }
        assertEquals(1, counter.binds.get(), "served from the password cache");
    }

    @Test
    void aWrongPasswordAfterACachedRightOneIsRefusedAndForgetsIt() throws Exception {
        BindCounter counter = counting();
        resolver.password(token("alice", "Alice-Old-Pw-1"), "192.0.2.31");
        assertEquals(
                AuthenticationException.Kind.REFUSED,
                kind(() -> resolver.password(token("alice", "Alice-Guess-1"), "192.0.2.31")));
        assertEquals(2, counter.binds.get(), "the wrong password went to the directory");
        resolver.password(token("alice", "Alice-Old-Pw-1"), "192.0.2.31");
        assertEquals(3, counter.binds.get(), "the refusal forgot the remembered password");
    }

    @Test
    void theRememberedPasswordExpiresAndAChangeIsSeenThen() throws Exception {
        BindCounter counter = counting();
        resolver.password(token("alice", "Alice-Old-Pw-1"), "192.0.2.32");
        ad.server()
                .modify(
                        LabForest.ALICE_DN,
                        new Modification(ModificationType.REPLACE, "userPassword", "Alice-New-Pw-1"));
        clock.now = clock.now.plusSeconds(29);
        resolver.password(token("alice", "Alice-Old-Pw-1"), "192.0.2.32");
        assertEquals(1, counter.binds.get(), "within the 30 s the old password is still remembered");
        clock.now = clock.now.plusSeconds(1);
        assertEquals(
                AuthenticationException.Kind.REFUSED,
                kind(() -> resolver.password(token("alice", "Alice-Old-Pw-1"), "192.0.2.32")));
        resolver.password(token("alice", "Alice-New-Pw-1"), "192.0.2.32");
        assertEquals(3, counter.binds.get());
    }

    @Test
    void aBlockedAccountIsRefusedEvenWithItsRememberedPassword() throws Exception {
        BindCounter counter = counting();
        resolver.password(token("alice", "Alice-Old-Pw-1"), "192.0.2.33");
        for (int i = 0; i < 3; i++) {
            kind(() -> resolver.password(token("alice", "Alice-Guess-2"), "192.0.2.33"));
        }
        assertEquals(
                AuthenticationException.Kind.RATE_LIMITED,
                kind(() -> resolver.password(token("alice", "Alice-Old-Pw-1"), "192.0.2.33")));
        assertEquals(4, counter.binds.get());
    }

    @Test
    void passwordCacheSettings() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("cews.auth.realm", "LAB.EXAMPLE");
        p.setProperty("cews.auth.netbiosDomain", "LAB");
        assertEquals(Duration.ofSeconds(60), AuthSettings.from(p).passwordCache(), "on, 60 s by default");
        p.setProperty("cews.auth.passwordCacheSeconds", "300");
        assertEquals(Duration.ofSeconds(300), AuthSettings.from(p).passwordCache());
        p.setProperty("cews.auth.passwordCache", "false");
        assertEquals(Duration.ZERO, AuthSettings.from(p).passwordCache());
        p.setProperty("cews.auth.passwordCache", "yes");
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.from(p));
        p.setProperty("cews.auth.passwordCache", "true");
        p.setProperty("cews.auth.passwordCacheSeconds", "901");
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.from(p));
    }
}
