package org.cews.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivilegedExceptionAction;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.security.auth.Subject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.http.SoapTransport;
import org.cews.client.http.Trace;
import org.cews.client.pki.Pem;
import org.cews.client.soap.SoapResponse;
import org.cews.epa.TestKdc;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Negotiate round trip against a real KDC (Apache Kerby) and the JDK's own SPNEGO acceptor: the
 * first POST goes without credentials, the 401 challenge is answered with a SPNEGO token for
 * HTTP@localhost obtained from a keytab, and the acceptor sees alice.
 */
class KerberosNegotiateTest {
    private static final String REALM = TestKdc.REALM;

    @TempDir
    static Path dir;

    static TestKdc kdc;
    static HttpServer server;
    static HttpsServer tlsServer;
    static X509Certificate tlsCert;
    static volatile Optional<byte[]> acceptorBinding = Optional.empty();
    static Subject acceptor;
    static final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        // The KDC, keytabs (alice.keytab, http.keytab) and krb5.conf in dir: http-epa's test fixture.
        kdc = TestKdc.start(dir);
        acceptor = kdc.service();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", KerberosNegotiateTest::handle);
        server.start();

        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=localhost");
        tlsCert = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.TEN,
                                new Date(System.currentTimeMillis() - 60_000),
                                new Date(System.currentTimeMillis() + 3_600_000),
                                name,
                                kp.getPublic())
                        .addExtension(
                                Extension.subjectAlternativeName,
                                false,
                                new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")))
                        .build(new JcaContentSignerBuilder("SHA384withECDSA").build(kp.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("tls", kp.getPrivate(), new char[0], new X509Certificate[] {tlsCert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        tlsServer = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tlsServer.setHttpsConfigurator(new HttpsConfigurator(ssl));
        tlsServer.createContext("/", KerberosNegotiateTest::handle);
        tlsServer.start();
        Files.writeString(dir.resolve("tls-ca.pem"), Pem.encode(List.of(tlsCert)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop(0);
        }
        if (tlsServer != null) {
            tlsServer.stop(0);
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    void theChallengeIsAnsweredWithASpnegoTokenForTheHttpService() throws Exception {
        seen.clear();
        SoapResponse r = transport(alice(true)).post(uri(), "<x/>".getBytes(StandardCharsets.UTF_8));

        assertInstanceOf(SoapResponse.Payload.class, r);
        assertEquals(List.of("none", "alice@" + REALM), seen);
    }

    @Test
    void overTlsTheTokenCarriesTheServerEndPointBindingAnEpaAcceptorChecks() throws Exception {
        seen.clear();
        acceptorBinding = Optional.of(TlsServerEndPoint.applicationData(tlsCert));
        try {
            SoapResponse r = tlsTransport(alice(true)).post(tlsUri(), "<x/>".getBytes(StandardCharsets.UTF_8));
            assertInstanceOf(SoapResponse.Payload.class, r);
            assertEquals(List.of("none", "alice@" + REALM), seen);

            seen.clear();
            ClientException e = assertThrows(
                    ClientException.class, () -> tlsTransport(alice(false)).post(tlsUri(), new byte[0]));
            assertEquals(ClientMessage.NEGOTIATE_REFUSED, e.messageId());
            assertTrue(seen.get(1).contains("ChannelBinding"), seen.toString());

            seen.clear();
            acceptorBinding = Optional.of("tls-server-end-point:another".getBytes(StandardCharsets.US_ASCII));
            assertThrows(ClientException.class, () -> tlsTransport(alice(true)).post(tlsUri(), new byte[0]));
            assertTrue(seen.get(1).startsWith("refused"), seen.toString());
        } finally {
            acceptorBinding = Optional.empty();
        }
    }

    @Test
    void theBindingHashFollowsRfc5929() throws Exception {
        // The test server's certificate is SHA384withECDSA: the prefix and SHA-384 of its DER (RFC
        // 5929 §4.1; the other signature algorithms are pinned in http-epa's TlsServerEndPointTest).
        byte[] prefix = "tls-server-end-point:".getBytes(StandardCharsets.US_ASCII);
        byte[] hash = java.security.MessageDigest.getInstance("SHA-384").digest(tlsCert.getEncoded());
        byte[] data = TlsServerEndPoint.applicationData(tlsCert);
        assertEquals(prefix.length + 48, data.length);
        assertEquals(
                java.util.HexFormat.of().formatHex(prefix)
                        + java.util.HexFormat.of().formatHex(hash),
                java.util.HexFormat.of().formatHex(data));
    }

    private static Kerberos alice(boolean binding) {
        return new Kerberos(
                new Kerberos.Source(
                        Optional.of("alice@" + REALM), Optional.of(dir.resolve("alice.keytab")), Optional.empty()),
                binding,
                note -> {
                    throw new AssertionError(note);
                });
    }

    private static SoapTransport tlsTransport(ClientCredentials c) throws ClientException {
        return SoapTransport.create(c, Optional.of(dir.resolve("tls-ca.pem")), Trace.silent(), Duration.ofSeconds(10));
    }

    private static URI tlsUri() {
        return URI.create("https://localhost:" + tlsServer.getAddress().getPort() + "/CEP");
    }

    @Test
    void aPasswordLogsInAsKinitDoes() throws Exception {
        seen.clear();
        Kerberos alice = new Kerberos(
                new Kerberos.Source(
                        Optional.of("alice@" + REALM),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("Alice-Pw-1".toCharArray())),
                false,
                note -> {});
        assertInstanceOf(SoapResponse.Payload.class, transport(alice).post(uri(), new byte[0]));
        assertEquals(List.of("none", "alice@" + REALM), seen);

        Kerberos wrong = new Kerberos(
                new Kerberos.Source(
                        Optional.of("alice@" + REALM),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("not-her-password".toCharArray())),
                false,
                note -> {});
        ClientException e =
                assertThrows(ClientException.class, () -> transport(wrong).post(uri(), new byte[0]));
        assertEquals(ClientMessage.KERBEROS_LOGIN, e.messageId());
        assertTrue(e.getMessage().contains("password of alice@" + REALM), e.getMessage());
    }

    @Test
    void aMissingKeytabIsAKerberosLoginFailure() {
        Kerberos nobody = new Kerberos(
                new Kerberos.Source(
                        Optional.of("bob@" + REALM), Optional.of(dir.resolve("absent.keytab")), Optional.empty()),
                true,
                note -> {});
        ClientException e =
                assertThrows(ClientException.class, () -> transport(nobody).post(uri(), new byte[0]));
        assertEquals(ClientMessage.KERBEROS_LOGIN, e.messageId());
        assertTrue(e.getMessage().contains("absent.keytab"), e.getMessage());
    }

    private static SoapTransport transport(ClientCredentials c) {
        return new SoapTransport(HttpClient.newHttpClient(), c, Trace.silent(), Duration.ofSeconds(10));
    }

    private static URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/CEP");
    }

    private static void handle(HttpExchange x) throws IOException {
        x.getRequestBody().readAllBytes();
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Negotiate ")) {
            seen.add("none");
            x.getResponseHeaders().set("WWW-Authenticate", "Negotiate");
            x.sendResponseHeaders(401, -1);
            x.close();
            return;
        }
        byte[] token = Base64.getDecoder().decode(auth.substring("Negotiate ".length()));
        try {
            String who = Subject.doAs(acceptor, (PrivilegedExceptionAction<String>) () -> {
                GSSContext ctx = GSSManager.getInstance().createContext((GSSCredential) null);
                if (acceptorBinding.isPresent()) {
                    ctx.setChannelBinding(
                            TlsServerEndPoint.binding(acceptorBinding.get()).orElseThrow());
                }
                ctx.acceptSecContext(token, 0, token.length);
                return ctx.isEstablished() ? ctx.getSrcName().toString() : "not established";
            });
            seen.add(who);
            byte[] body = ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><ok/></s:Body>"
                            + "</s:Envelope>")
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
        } catch (Exception e) {
            seen.add("refused: " + e);
            x.sendResponseHeaders(401, -1);
        }
        x.close();
    }
}
