package org.cews.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Client certificates the tier's lab CA issued (through the deployed CES, as alice over
 * UsernamePassword, template LabOnBehalfUser: her SID extension and UPN, the lab CA's CRL
 * distribution point and OCSP URL), checked for revocation by the deployed EAR
 * (docs/AUTHENTICATION.md §4) against what the lab publishes on its officer port:
 *
 * <ul>
 *   <li>CRL: a certificate is accepted, the lab's officer revokes it, and once the server's cached
 *       CRL has aged out it is refused (403) with an audit line, while another certificate of the
 *       same CA and account is still accepted;
 *   <li>OCSP: the same, refused at the next request (no cache);
 *   <li>no answer: a development-CA certificate (it names no CRL or OCSP URL) is accepted with an
 *       audit line under revocationUnavailable=accept and refused (403) under refuse.
 * </ul>
 *
 * And the trust itself (the NTAuth analogue): the CAs the handshake names, whose certificates
 * alone may authenticate, are exactly those of the instance's client-trust.p12 (the development CA
 * and, added by server.sh --trust-client-ca, the lab CA), not the JVM's cacerts.
 *
 * <p>Mapping by SID extension, UPN and DNS name, and the refusal of unmapped, expired and foreign-CA
 * certificates, are AuthenticationIT's. The tier's revocation settings (it-lab.cli) are switched
 * here with jboss-cli, as an operator would, and put back afterwards.
 */
class ClientCertificateRevocationIT {

    static final String CEP_CERTIFICATE = AuthenticationIT.CEP_CERTIFICATE;
    private static final String PREFIX = "cews.auth.certificate.";
    private static final String[] SETTINGS = {"revocation", "revocationUnavailable", "crlCacheSeconds"};
    private static final Pattern RESULT = Pattern.compile("\"result\" => \"([^\"]*)\"");

    private static String ca;
    private static X509Certificate labCa;
    private static final Properties ORIGINAL = new Properties();

    @BeforeAll
    static void setUp() throws Exception {
        ca = TestServer.deployProperties().getProperty("cews.ca.name");
        try (var in = Files.newInputStream(Path.of(LabEnrollmentIT.labStatus().getProperty("ca.certificate")))) {
            labCa = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        for (String name : SETTINGS) {
            String out = TestServer.cli("/system-property=" + PREFIX + name + ":read-attribute(name=value)");
            Matcher m = RESULT.matcher(out);
            assertTrue(m.find(), out);
            ORIGINAL.setProperty(name, m.group(1));
        }
    }

    @AfterAll
    static void restore() throws Exception {
        for (String name : SETTINGS) {
            set(name, ORIGINAL.getProperty(name));
        }
    }

    /** Sets one revocation setting on the running server; it applies to the next request. */
    static void set(String name, String value) throws Exception {
        String out = TestServer.cli(
                "/system-property=" + PREFIX + name + ":write-attribute(name=value, value=\"" + value + "\")");
        assertTrue(out.contains("\"outcome\" => \"success\""), out);
    }

    static String ces(String mode) {
        return "/ces/" + ca + "_CES_" + mode + "/service.svc/CES";
    }

    /** A certificate for alice from the lab CA, through the CES, presented with its key and the CA. */
    record Enrolled(X509Certificate cert, KeyManager[] keys, KeyManager[] alone) {}

    static Enrolled enrollAlice() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair key = g.generateKeyPair();
        Extension template = new Extension(
                new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2"),
                false,
                new DERBMPString("LabOnBehalfUser").getEncoded());
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=alice"), key.getPublic())
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(template))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()))
                .getEncoded();
        X509Certificate cert = CesEnrollmentIT.issuedCertificate(CesEnrollmentIT.post(
                ces("UsernamePassword"), CesEnrollmentIT.issue("alice@lab.example", "Alice-Lab-Pw-1", csr)));
        assertEquals(labCa.getSubjectX500Principal(), cert.getIssuerX500Principal());
        return new Enrolled(
                cert,
                TestCertificates.keyManagers(key.getPrivate(), cert, labCa),
                TestCertificates.keyManagers(key.getPrivate(), cert));
    }

    /** The lab's officer revokes: {@code what} is requests/ID or certificates/SERIAL. */
    static void revoke(String what, String reason) throws Exception {
        Properties status = LabEnrollmentIT.labStatus();
        String token = Files.readString(Path.of(status.getProperty("officer.tokenFile")))
                .strip();
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        status.getProperty("officer.url") + what + "/revoke?reason=" + reason))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"result\":\"revoked\""), r.body());
    }

    static void assertAccepted(Enrolled e) throws Exception {
        assertAccepted(e.keys());
    }

    static void assertAccepted(KeyManager[] keys) throws Exception {
        for (String path : new String[] {CEP_CERTIFICATE, ces("Certificate")}) {
            try (RawHttps http = new RawHttps(keys)) {
                AuthenticationIT.assertAuthenticated(path, http.post(path, null, AuthenticationIT.BODY));
            }
        }
    }

    static void assertRefused(KeyManager[] keys) throws Exception {
        for (String path : new String[] {CEP_CERTIFICATE, ces("Certificate")}) {
            try (RawHttps http = new RawHttps(keys)) {
                RawHttps.Response r = http.post(path, null, AuthenticationIT.BODY);
                assertEquals(403, r.status(), path + " " + r.body());
                assertTrue(r.body().startsWith("SOAP0205 "), r.body());
            }
        }
    }

    static String serial(Enrolled e) {
        return e.cert().getSerialNumber().toString(16);
    }

    @Test
    void revokedByTheOfficerThenRefusedByTheCrlTheOtherCertificateStillAccepted() throws Exception {
        set("revocation", "crl");
        set("revocationUnavailable", "refuse");
        set("crlCacheSeconds", "2");
        Enrolled kept = enrollAlice();
        Enrolled revoked = enrollAlice();
        assertAccepted(revoked);
        assertAccepted(kept);
        AuthenticationIT.assertAudit("caller LAB\\alice (" + AuthenticationIT.ALICE_SID + ") mapped from "
                + revoked.cert().getSubjectX500Principal().getName() + " by certificate SID extension");
        AuthenticationIT.assertAudit("SOAP0530 CRL http://127.0.0.1:");

        revoke("certificates/" + serial(revoked), "keyCompromise");
        Thread.sleep(3000); // the server's CRL is used for crlCacheSeconds, then fetched again
        assertRefused(revoked.keys());
        assertAccepted(kept);
        // Sent without the CA certificate (as Windows sends a root CA's certificates): the CRL's
        // signature is checked with the configured issuer (cews.auth.certificate.issuers).
        assertRefused(revoked.alone());
        assertAccepted(kept.alone());
        AuthenticationIT.assertAudit("(serial " + serial(revoked) + ", issuer "
                + labCa.getSubjectX500Principal().getName() + ") is revoked since ");
        AuthenticationIT.assertAudit("reason KEY_COMPROMISE (CRL http://127.0.0.1:");
    }

    @Test
    void revokedByTheOfficerThenRefusedByOcspAtTheNextRequest() throws Exception {
        set("revocation", "ocsp");
        set("revocationUnavailable", "refuse");
        set("crlCacheSeconds", "3600");
        Enrolled kept = enrollAlice();
        Enrolled revoked = enrollAlice();
        assertAccepted(revoked);
        revoke("certificates/" + serial(revoked), "superseded");
        assertRefused(revoked.keys());
        assertAccepted(kept);
        AuthenticationIT.assertAudit("(serial " + serial(revoked) + ", issuer ");
        AuthenticationIT.assertAudit("reason SUPERSEDED (OCSP http://127.0.0.1:");
    }

    @Test
    void onlyTheConfiguredClientTrustCasAreNamedNotTheJvmCacerts() throws Exception {
        ClientCertificateListenerIT.RecordingKeyManager recorder =
                new ClientCertificateListenerIT.RecordingKeyManager();
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) TestServer.tls(new KeyManager[] {recorder})
                .getSocketFactory()
                .createSocket("localhost", TestServer.httpsPort())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"}); // the CertificateRequest lists the CAs
            socket.startHandshake();
        }
        assertEquals(
                java.util.Set.of(
                        TestServer.developmentCa().getSubjectX500Principal().getName(),
                        labCa.getSubjectX500Principal().getName()),
                java.util.Set.copyOf(recorder.issuers),
                "the CAs of client-trust.p12, and no other: " + recorder.issuers);
    }

    @Test
    void withoutAnAnswerSoftFailAcceptsAndHardFailRefuses() throws Exception {
        set("revocation", "crl");
        KeyManager[] noPointers = TestCertificates.fromDevelopmentCa(
                TestCertificates.Spec.subject("CN=no-cdp-" + System.nanoTime() + ",O=cews")
                        .sid(AuthenticationIT.ALICE_SID));
        set("revocationUnavailable", "accept");
        try (RawHttps http = new RawHttps(noPointers)) {
            AuthenticationIT.assertAuthenticated(
                    CEP_CERTIFICATE, http.post(CEP_CERTIFICATE, null, AuthenticationIT.BODY));
        }
        AuthenticationIT.assertAudit("is accepted without a revocation answer (revocationUnavailable=accept): it names"
                + " no http CRL distribution point");
        set("revocationUnavailable", "refuse");
        assertRefused(noPointers);
        AuthenticationIT.assertAudit("is refused without a revocation answer (revocationUnavailable=refuse): it names"
                + " no http CRL distribution point");
    }
}
