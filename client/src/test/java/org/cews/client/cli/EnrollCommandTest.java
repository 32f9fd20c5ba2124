package org.cews.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.cews.client.pki.Pem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command end to end against {@link FakeServices}: what it sends, where, and what it writes. */
class EnrollCommandTest {
    @TempDir
    Path dir;

    FakeServices fake;
    MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeServices();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void templatesListsEachTemplateWithItsCaAndCesUris() {
        assertEquals(0, asAlice("templates", "--cep", fake.cep()));

        String o = out();
        assertTrue(o.contains("policy {P} \"Fake\" from " + fake.cep() + " (next update in 8 h)"), o);
        assertTrue(
                o.contains("template User (User, 1.3.6.1.4.1.311.21.8.1.2): schema 2, version 100.4, enroll yes"), o);
        assertTrue(o.contains("  CA CN=Fake Issuing CA: enroll yes"), o);
        assertTrue(o.contains("    priority 3  UsernamePassword  " + fake.base() + "/ces\n"), o);
        assertTrue(o.contains("    priority 0  UsernamePassword  " + fake.base() + "/renew-only  (renewal only)"), o);
        assertTrue(o.contains("    priority 0  Kerberos  " + fake.base() + "/kerberos"), o);
        String sent = fake.hits.get(0).body();
        assertTrue(sent.contains("<wsse:Username>alice</wsse:Username>"), sent);
        assertTrue(sent.contains(">secret-pw</wsse:Password>"), sent);
    }

    @Test
    void theTraceMasksThePassword() {
        assertEquals(0, asAlice("templates", "--cep", fake.cep(), "--trace"));

        String e = err();
        assertTrue(e.contains(">>> POST " + fake.cep()), e);
        assertTrue(e.contains("<<< HTTP 200 from " + fake.cep()), e);
        assertTrue(e.contains(">********</wsse:Password>"), e);
        assertFalse(e.contains("secret-pw"), e);
    }

    @Test
    void thePolicyComesFromTheCacheUntilNextUpdateHoursPass() {
        String[] args = {"templates", "--cep", fake.cep()};
        assertEquals(0, asAlice(args));
        assertEquals(0, asAlice(args));
        assertEquals(1, fake.hits.size(), fake.paths().toString());
        assertTrue(err().contains("ENR0704 policy of " + fake.cep() + " from the cache"), err());

        clock.advance(Duration.ofHours(9));
        assertEquals(0, asAlice(args));
        assertEquals(2, fake.hits.size());
        assertTrue(
                fake.hits.get(1).body().contains("<xcep:lastUpdate>2026-12-07T12:00:00Z</xcep:lastUpdate>"),
                fake.hits.get(1).body());
    }

    @Test
    void cesUrisGivenOnTheCommandLineReplaceThePolicysInTheirOrder() throws Exception {
        String dead = "http://127.0.0.1:" + fake.deadPort + "/dead";
        assertEquals(0, request(dir.resolve("given").toString(), "--ces", dead, "--ces", fake.base() + "/ces"));

        // The policy is read for the template, then only the given URIs are used: the dead one
        // first, then the working one; not the busy one the policy ranks before it.
        assertEquals(List.of("/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP", "/ces"), fake.paths());
        assertTrue(err().contains("ENR0702 " + dead + " did not answer (ENR0201)"), err());
        assertEquals(5, request(dir.resolve("bad").toString(), "--ces", "not a url"), err());
    }

    @Test
    void aRequestGoesToTheTemplatesCaInPriorityOrderPastDeadAndBusyUris() throws Exception {
        String prefix = dir.resolve("alice").toString();
        assertEquals(0, request(prefix));

        // The dead port is never reached (no hit); the 503 one is, then the working one. Never the
        // other CA's URI, the renewal-only URI or the Kerberos one.
        assertEquals(List.of("/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP", "/busy", "/ces"), fake.paths());
        String e = err();
        assertTrue(e.contains("ENR0702 http://127.0.0.1:" + fake.deadPort + "/dead did not answer (ENR0201)"), e);
        assertTrue(e.contains("ENR0702 " + fake.base() + "/busy did not answer (ENR0202)"), e);
        assertTrue(out().contains("issued: request 6\nsubject: CN=alice\nissuer: CN=Fake Issuing CA"), out());

        X509Certificate cert = Pem.certificates(Path.of(prefix + ".crt")).get(0);
        assertEquals(
                fake.caCert, Pem.certificates(Path.of(prefix + ".chain.pem")).get(0));
        assertEquals(cert.getPublicKey(), Pem.keyPair(Path.of(prefix + ".key")).getPublic());
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(prefix + ".key"))));

        // The request carries the v2 template extension: the template OID with its versions.
        PKCS10CertificationRequest csr = sentCsr(fake.hits.get(2).body());
        Extensions ext = Extensions.getInstance(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                .getAttrValues()
                .getObjectAt(0));
        ASN1Sequence info = ASN1Sequence.getInstance(ext.getExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.21.7"))
                .getParsedValue());
        assertEquals("1.3.6.1.4.1.311.21.8.1.2", info.getObjectAt(0).toString());
        assertEquals(100, ASN1Integer.getInstance(info.getObjectAt(1)).intValueExact());
        assertEquals(4, ASN1Integer.getInstance(info.getObjectAt(2)).intValueExact());
    }

    @Test
    void anExistingKeyIsNeverReplacedWithoutForce() throws Exception {
        String prefix = dir.resolve("alice").toString();
        Files.writeString(Path.of(prefix + ".key"), "precious");

        assertEquals(5, request(prefix));
        assertTrue(err().contains("ENR0103 " + prefix + ".key exists: give --force"), err());
        assertEquals("precious", Files.readString(Path.of(prefix + ".key")));
        assertFalse(fake.paths().contains("/ces"));

        assertEquals(0, request(prefix, "--force"));
    }

    @Test
    void aPendingRequestPrintsItsReferenceAndPollCollectsIt() throws Exception {
        fake.mode = FakeServices.Mode.PEND;
        String prefix = dir.resolve("pend").toString();
        assertEquals(3, request(prefix));
        String ref = "7@" + fake.base() + "/ces";
        assertTrue(out().contains("pending: request 7 at " + fake.base() + "/ces (Taken Under Submission)"), out());
        assertTrue(out().contains("reference: " + ref), out());
        assertFalse(Files.exists(Path.of(prefix + ".crt")));

        assertEquals(0, asAlice("poll", ref, "--out", prefix));
        String poll = fake.hits.get(fake.hits.size() - 1).body();
        assertTrue(poll.contains("QueryTokenStatus"), poll);
        assertTrue(
                poll.contains(
                        "<wstep:RequestID xmlns:wstep=\"http://schemas.microsoft.com/windows/pki/2009/01/enrollment\">7<"),
                poll);
        assertTrue(poll.contains("<a:To s:mustUnderstand=\"1\">" + fake.base() + "/ces</a:To>"), poll);
        assertTrue(Files.exists(Path.of(prefix + ".crt")));
    }

    @Test
    void waitingPollsWithAProgressLine() {
        fake.mode = FakeServices.Mode.PEND;
        assertEquals(0, request(dir.resolve("w").toString(), "--wait", "60", "--interval", "20"));
        assertTrue(
                err().contains("ENR0703 request 7 is still pending at " + fake.base() + "/ces; next poll in 20 s"),
                err());
    }

    @Test
    void aDenialNamesTheHresultAndExitsTwo() {
        fake.mode = FakeServices.Mode.DENY;
        assertEquals(2, request(dir.resolve("d").toString()));
        assertTrue(
                err().contains(
                                "ENR0501 " + fake.base()
                                        + "/ces refused the request: Denied by Policy Module, request 9"
                                        + " (HRESULT 0x80094012 CERTSRV_E_TEMPLATE_DENIED: you have no Enroll permission on the template)"),
                err());
    }

    @Test
    void aRenewalIsCmsSignedWithTheOldKeyAndMayUseRenewalOnlyUris() throws Exception {
        String old = dir.resolve("old").toString();
        assertEquals(0, request(old));
        int before = fake.hits.size();

        String renewed = dir.resolve("new").toString();
        assertEquals(
                0,
                asAlice("renew", "--cep", fake.cep(), "--cert", old + ".crt", "--key", old + ".key", "--out", renewed));

        assertEquals("/renew-only", fake.hits.get(before).path(), fake.paths().toString());
        String body = fake.hits.get(before).body();
        assertTrue(
                body.contains(
                        "ValueType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd#PKCS7\""),
                body);
        PKCS10CertificationRequest csr = sentCsr(body);
        X509Certificate oldCert = Pem.certificates(Path.of(old + ".crt")).get(0);
        var attr = csr.getAttributes(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.1"));
        assertEquals(1, attr.length);
        assertTrue(java.util.Arrays.equals(
                oldCert.getEncoded(),
                attr[0].getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
        assertFalse(Pem.keyPair(Path.of(renewed + ".key")).getPublic().equals(oldCert.getPublicKey()));
        assertTrue(Files.exists(Path.of(renewed + ".crt")));
    }

    @Test
    void keyBasedRenewalPresentsTheOldCertificateOverTls() throws Exception {
        fake.close();
        fake = new FakeServices(true);
        String ca = fake.caFile(dir).toString();
        String old = dir.resolve("old").toString();
        assertEquals(0, request(old, "--ca-file", ca), err());
        assertEquals("-", fake.hits.get(fake.hits.size() - 1).client());

        // A new request in Certificate mode finds no URI: the policy's Certificate URI serves renewals only.
        assertEquals(
                8,
                run(
                        "request",
                        "--cep",
                        fake.cep(),
                        "--template",
                        "User",
                        "--out",
                        dir.resolve("x").toString(),
                        "--auth",
                        "certificate",
                        "--client-cert",
                        old + ".crt",
                        "--client-key",
                        old + ".key",
                        "--ca-file",
                        ca));
        assertTrue(
                err().contains("ENR0601 the policy names no CES URI for template User with Certificate authentication"
                        + " (renewal-only URIs are not used for new requests)"),
                err());

        int before = fake.hits.size();
        assertEquals(
                0,
                run(
                        "renew",
                        "--key-based",
                        "--cep",
                        fake.cep(),
                        "--cert",
                        old + ".crt",
                        "--key",
                        old + ".key",
                        "--out",
                        dir.resolve("kbr").toString(),
                        "--refresh",
                        "--ca-file",
                        ca),
                err());
        FakeServices.Hit policy = fake.hits.get(before);
        FakeServices.Hit renewal = fake.hits.get(before + 1);
        assertEquals("CN=alice", policy.client());
        assertEquals("/kbr", renewal.path());
        assertEquals("CN=alice", renewal.client());
        assertFalse(renewal.body().contains("wsse:Security"), renewal.body());
    }

    @Test
    void aServerCertificateNotSignedByTheCaFileFailsTls() throws Exception {
        fake.close();
        fake = new FakeServices(true);
        Path other = dir.resolve("other.pem");
        Files.writeString(other, Pem.encode(List.of(new FakeServices().caCert)));
        assertEquals(6, run("templates", "--cep", fake.cep(), "--auth", "anonymous", "--ca-file", other.toString()));
        assertTrue(err().contains("ENR0205 TLS with " + fake.cep() + " failed"), err());
    }

    @Test
    void usageErrorsExitFive() {
        assertEquals(5, run("templates", "--cep"));
        assertTrue(err().contains("ENR0101 --cep needs a value"), err());
        assertEquals(5, run("templates", "--cep", fake.cep(), "--password", "x"));
        assertTrue(err().contains("a password is never taken as an argument"), err());
        assertEquals(5, run("frobnicate"));
        assertEquals(5, run("templates", "--bogus"));
        assertEquals(5, run("poll", "not-a-reference", "--auth", "anonymous"));
        assertTrue(err().contains("ENR0107 not-a-reference is not a request reference"), err());
        assertEquals(
                5,
                run(
                        "templates",
                        "--cep",
                        fake.cep(),
                        "--auth",
                        "password",
                        "--user",
                        "alice",
                        "--password-env",
                        "NOPE"));
        assertTrue(err().contains("ENR0106 no password for alice: the environment variable NOPE is not set"), err());
    }

    @Test
    void helpIsTheManual() {
        assertEquals(0, run("--help"));
        String h = out();
        for (String s : List.of(
                "templates --cep URL",
                "request --cep URL --template NAME",
                "poll REFERENCE",
                "renew --cep URL",
                "--key-based",
                "--trace",
                "Exit codes:",
                "  3  the request is pending")) {
            assertTrue(h.contains(s), s);
        }
    }

    @Test
    void aServerThatCannotBeReachedExitsFour() {
        String cep = "http://127.0.0.1:" + fake.deadPort + "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP";
        assertEquals(4, run("templates", "--cep", cep, "--auth", "anonymous"));
        assertTrue(err().contains("ENR0201 cannot reach " + cep), err());
    }

    private int request(String prefix, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "request",
                "--cep",
                fake.cep(),
                "--template",
                "user",
                "--out",
                prefix,
                "--cache-dir",
                dir.resolve("cache").toString()));
        a.addAll(List.of(more));
        return asAlice(a.toArray(new String[0]));
    }

    /** Runs as alice with the password mode, her password from the environment. */
    private int asAlice(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--auth", "password", "--user", "alice", "--password-env", "PW"));
        return run(a.toArray(new String[0]));
    }

    private int run(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.contains("--cache-dir")) {
            a.add("--cache-dir");
            a.add(dir.resolve("cache").toString());
        }
        Environment env = new Environment(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("PW", "secret-pw"),
                Optional.empty(),
                clock,
                new SecureRandom(),
                dir,
                clock::advance);
        return Enroll.run(a, env);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PKCS10CertificationRequest sentCsr(String body) throws Exception {
        Matcher m = Pattern.compile("BinarySecurityToken[^>]*>([^<]+)<").matcher(body);
        assertTrue(m.find(), body);
        assertFalse(m.group(1).contains("\n"), "base64 on one line");
        return FakeServices.PKCS10.parse(m.group(1));
    }

    /** A clock the test moves; the command's sleeper moves it too. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
