package org.cews.soap.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The revocation check against the CRLs of certs/revocation (README there): revoked refused,
 * good accepted, no answer refused or accepted as the policy says, CRLs cached no longer than
 * their nextUpdate and the configured time, wrong signers and expired CRLs not used.
 */
class RevocationCheckTest {

    static final String CRL_URL = "http://crl.test/rt.crl";

    CallerResolverTest.MutableClock clock;
    RevocationPolicy policy;
    /** What the "HTTP" source serves per URL (absent: unreachable), and the URLs fetched. */
    final Map<String, byte[]> served = new HashMap<>();

    final List<String> fetched = new ArrayList<>();
    RevocationCheck check;

    static byte[] resource(String name) throws IOException {
        try (InputStream in = RevocationCheckTest.class.getResourceAsStream("certs/revocation/" + name)) {
            return in.readAllBytes();
        }
    }

    static X509Certificate cert(String name) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(resource(name)));
    }

    static X509CRL crl(String name) throws Exception {
        return (X509CRL)
                CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(resource(name)));
    }

    static X509Certificate[] chain(String leaf) throws Exception {
        return new X509Certificate[] {cert(leaf), cert("rt-ca.pem")};
    }

    @BeforeEach
    void setUp() throws Exception {
        clock = new CallerResolverTest.MutableClock();
        clock.now = crl("crl-short.pem").getThisUpdate().toInstant().plusSeconds(60);
        policy = new RevocationPolicy(RevocationPolicy.Mode.CRL, true, Duration.ofMinutes(10), Duration.ofSeconds(1));
        check = new RevocationCheck(clock, () -> policy, (url, timeout) -> {
            fetched.add(url);
            byte[] crl = served.get(url);
            if (crl == null) {
                throw new CrlCache.Unusable("connection refused");
            }
            return crl;
        });
    }

    AuthenticationException refused(String leaf) {
        return assertThrows(AuthenticationException.class, () -> check.check(chain(leaf)));
    }

    @Test
    void aListedCertificateIsRefusedTheOtherAccepted() throws Exception {
        served.put(CRL_URL, resource("crl-revoked.pem"));
        AuthenticationException e = refused("revoked.pem");
        assertEquals(AuthenticationException.Kind.REFUSED, e.kind());
        assertTrue(
                e.getMessage()
                        .startsWith("SOAP0510 the client certificate CN=revoked failed the revocation check:"
                                + " revoked since "),
                e.getMessage());
        assertTrue(e.getMessage().contains("reason KEY_COMPROMISE (CRL " + CRL_URL + ")"), e.getMessage());
        assertDoesNotThrow(() -> check.check(chain("good.pem")));
        assertEquals(List.of(CRL_URL), fetched, "one fetch, then the cache");
    }

    @Test
    void theCacheIsUsedUntilTheConfiguredTimeThenFetchedAgain() throws Exception {
        served.put(CRL_URL, resource("crl-empty.pem"));
        check.check(chain("revoked.pem"));
        served.put(CRL_URL, resource("crl-revoked.pem"));
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        check.check(chain("revoked.pem")); // the cached CRL, published before the revocation
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertEquals(
                AuthenticationException.Kind.REFUSED, refused("revoked.pem").kind());
        assertEquals(2, fetched.size());
    }

    @Test
    void aShorterCacheTimeSetLaterAppliesToTheCrlAlreadyHeld() throws Exception {
        served.put(CRL_URL, resource("crl-empty.pem"));
        check.check(chain("revoked.pem")); // held for the 10 minutes of the policy at the fetch
        served.put(CRL_URL, resource("crl-revoked.pem"));
        policy = new RevocationPolicy(RevocationPolicy.Mode.CRL, true, Duration.ofSeconds(2), Duration.ofSeconds(1));
        clock.now = clock.now.plus(Duration.ofSeconds(3));
        assertEquals(
                AuthenticationException.Kind.REFUSED, refused("revoked.pem").kind());
        assertEquals(2, fetched.size());
    }

    @Test
    void theCacheNeverOutlivesNextUpdateAndAnExpiredCrlIsNoAnswer() throws Exception {
        policy = new RevocationPolicy(RevocationPolicy.Mode.CRL, true, Duration.ofDays(30), Duration.ofSeconds(1));
        served.put(CRL_URL, resource("crl-short.pem"));
        check.check(chain("good.pem"));
        clock.now = crl("crl-short.pem").getNextUpdate().toInstant().plusSeconds(1);
        AuthenticationException e = refused("good.pem");
        assertEquals(2, fetched.size(), "fetched again at nextUpdate, not after 30 days");
        assertEquals(AuthenticationException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("the CRL expired at its nextUpdate"), e.getMessage());
    }

    @Test
    void aCrlHeldIsUsedWhenTheRefetchFailsWhileBeforeItsNextUpdate() throws Exception {
        policy = new RevocationPolicy(RevocationPolicy.Mode.CRL, true, Duration.ZERO, Duration.ofSeconds(1));
        served.put(CRL_URL, resource("crl-revoked.pem"));
        check.check(chain("good.pem"));
        served.remove(CRL_URL);
        assertEquals(
                AuthenticationException.Kind.REFUSED, refused("revoked.pem").kind());
        check.check(chain("good.pem"));
        assertEquals(3, fetched.size());
    }

    @Test
    void aCrlSignedByAnotherKeyOfTheSameNameIsNoAnswer() throws Exception {
        served.put(CRL_URL, resource("crl-impostor.pem"));
        AuthenticationException e = refused("good.pem");
        assertEquals(AuthenticationException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
    }

    @Test
    void hardFailRefusesWithoutAnAnswerSoftFailAccepts() throws Exception {
        // Unreachable: 503 (later it may answer); no pointer or no issuer sent: 403.
        assertEquals(
                AuthenticationException.Kind.UNAVAILABLE, refused("good.pem").kind());
        assertEquals(
                AuthenticationException.Kind.REFUSED, refused("ocsponly.pem").kind());
        AuthenticationException noIssuer = assertThrows(
                AuthenticationException.class, () -> check.check(new X509Certificate[] {cert("good.pem")}));
        assertTrue(noIssuer.getMessage().contains("no issuer certificate"), noIssuer.getMessage());
        policy = new RevocationPolicy(RevocationPolicy.Mode.CRL, false, Duration.ofMinutes(10), Duration.ofSeconds(1));
        check.check(chain("good.pem"));
        check.check(chain("ocsponly.pem"));
        // A revoked certificate is refused whatever the policy.
        served.put(CRL_URL, resource("crl-revoked.pem"));
        assertEquals(
                AuthenticationException.Kind.REFUSED, refused("revoked.pem").kind());
    }

    @Test
    void aCertificateSentAloneIsCheckedWithTheConfiguredIssuer() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("issuers");
        java.nio.file.Path bundle = dir.resolve("cas.pem");
        // A PEM bundle: another CA of the same name first (its key does not verify), then the issuer.
        java.nio.file.Files.write(bundle, concat(resource("rt-impostor.pem"), resource("rt-ca.pem")));
        policy = new RevocationPolicy(
                RevocationPolicy.Mode.CRL, true, Duration.ofMinutes(10), Duration.ofSeconds(1), List.of(bundle));
        served.put(CRL_URL, resource("crl-revoked.pem"));
        X509Certificate[] alone = {cert("revoked.pem")};
        assertEquals(
                AuthenticationException.Kind.REFUSED,
                assertThrows(AuthenticationException.class, () -> check.check(alone))
                        .kind());
        assertTrue(assertThrows(AuthenticationException.class, () -> check.check(alone))
                .getMessage()
                .contains("revoked since"));
        check.check(new X509Certificate[] {cert("good.pem")});
        policy = new RevocationPolicy(
                RevocationPolicy.Mode.CRL,
                true,
                Duration.ofMinutes(10),
                Duration.ofSeconds(1),
                List.of(dir.resolve("missing.pem")));
        assertEquals(
                AuthenticationException.Kind.UNAVAILABLE,
                assertThrows(AuthenticationException.class, () -> check.check(alone))
                        .kind());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void offChecksNothing() throws Exception {
        policy = new RevocationPolicy(RevocationPolicy.Mode.OFF, true, Duration.ZERO, Duration.ofSeconds(1));
        check.check(chain("revoked.pem"));
        assertEquals(List.of(), fetched);
    }

    @Test
    void ocspUrlsComeFromTheAiaAndAreAskedFirst() throws Exception {
        assertEquals(List.of("http://ocsp.test/rt"), RevocationCheck.ocspUrls(cert("good.pem")));
        assertEquals(List.of(CRL_URL), RevocationCheck.crlUrls(cert("good.pem")));
        // OCSP mode: the responder (unresolvable host) gives no answer, then the CRL does.
        policy = new RevocationPolicy(RevocationPolicy.Mode.OCSP, true, Duration.ofMinutes(10), Duration.ofSeconds(1));
        served.put(CRL_URL, resource("crl-revoked.pem"));
        AuthenticationException e = refused("revoked.pem");
        assertTrue(e.getMessage().contains("(CRL " + CRL_URL + ")"), e.getMessage());
        check.check(chain("good.pem"));
        AuthenticationException onlyOcsp = refused("ocsponly.pem");
        assertEquals(AuthenticationException.Kind.UNAVAILABLE, onlyOcsp.kind());
        assertTrue(onlyOcsp.getMessage().contains("OCSP http://ocsp.test/rt: "), onlyOcsp.getMessage());
    }

    @Test
    void thePolicyIsReadFromTheProperties() {
        Properties p = new Properties();
        assertEquals(RevocationPolicy.Mode.OFF, RevocationPolicy.from(p).mode());
        assertTrue(RevocationPolicy.from(p).refuseUnknown());
        p.setProperty("cews.auth.certificate.revocation", "true");
        assertEquals(RevocationPolicy.Mode.CRL, RevocationPolicy.from(p).mode());
        p.setProperty("cews.auth.certificate.revocation", "OCSP");
        p.setProperty("cews.auth.certificate.revocationUnavailable", "accept");
        p.setProperty("cews.auth.certificate.crlCacheSeconds", "30");
        RevocationPolicy read = RevocationPolicy.from(p);
        assertEquals(RevocationPolicy.Mode.OCSP, read.mode());
        assertEquals(false, read.refuseUnknown());
        assertEquals(Duration.ofSeconds(30), read.crlCache());
        p.setProperty("cews.auth.certificate.revocationUnavailable", "maybe");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RevocationPolicy.from(p));
        assertTrue(e.getMessage().startsWith("SOAP0401 "), e.getMessage());
        // A policy that cannot be read makes the check unavailable, not open.
        RevocationCheck broken = new RevocationCheck(clock, () -> RevocationPolicy.from(p));
        assertEquals(
                AuthenticationException.Kind.UNAVAILABLE,
                assertThrows(AuthenticationException.class, () -> broken.check(chain("good.pem")))
                        .kind());
    }
}
