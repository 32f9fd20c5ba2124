package org.cews.client.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A tiny CEP and CES over plain HTTP (com.sun.net.httpserver) for the command's unit tests: it
 * serves one policy, and its CES issues with a throwaway CA, pends or refuses. Every POST is
 * recorded (path and body) so tests can check what the client sent and where.
 */
final class FakeServices implements AutoCloseable {
    enum Mode {
        ISSUE,
        PEND,
        DENY
    }

    /** One POST: its path, its body, and the subject of the TLS client certificate ("-" if none). */
    record Hit(String path, String body, String client) {}

    final HttpServer server;
    final List<Hit> hits = new CopyOnWriteArrayList<>();
    final int deadPort;
    final KeyPair caKey;
    final X509Certificate caCert;
    final boolean tls;
    volatile Mode mode = Mode.ISSUE;
    volatile String pendingCsr;

    FakeServices() throws Exception {
        this(false);
    }

    /** With {@code tls}, HTTPS on localhost with a certificate of the fake CA, asking for client certificates. */
    FakeServices(boolean tls) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        caKey = g.generateKeyPair();
        X500Name ca = new X500Name("CN=Fake Issuing CA");
        Instant now = Instant.now();
        caCert = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                ca,
                                BigInteger.ONE,
                                Date.from(now.minus(1, ChronoUnit.DAYS)),
                                Date.from(now.plus(30, ChronoUnit.DAYS)),
                                ca,
                                caKey.getPublic())
                        .addExtension(
                                org.bouncycastle.asn1.x509.Extension.basicConstraints,
                                true,
                                new org.bouncycastle.asn1.x509.BasicConstraints(true))
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey.getPrivate())));
        this.tls = tls;
        if (tls) {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(serverTls()) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = getSSLContext().getDefaultSSLParameters();
                    p.setWantClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            server = https;
        } else {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return (tls ? "https://localhost:" : "http://127.0.0.1:")
                + server.getAddress().getPort();
    }

    /** The fake CA's certificate as a PEM file, for --ca-file. */
    Path caFile(Path dir) throws IOException {
        Path f = dir.resolve("fake-ca.pem");
        Files.writeString(f, org.cews.client.pki.Pem.encode(List.of(caCert)));
        return f;
    }

    private SSLContext serverTls() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                new X500Name(caCert.getSubjectX500Principal().getName()),
                                BigInteger.TWO,
                                Date.from(now.minus(1, ChronoUnit.DAYS)),
                                Date.from(now.plus(1, ChronoUnit.DAYS)),
                                new X500Name("CN=localhost"),
                                kp.getPublic())
                        .addExtension(
                                org.bouncycastle.asn1.x509.Extension.subjectAlternativeName,
                                false,
                                new org.bouncycastle.asn1.x509.GeneralNames(new org.bouncycastle.asn1.x509.GeneralName(
                                        org.bouncycastle.asn1.x509.GeneralName.dNSName, "localhost")))
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("tls", kp.getPrivate(), new char[0], new X509Certificate[] {cert, caCert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", caCert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    String cep() {
        return base() + "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP";
    }

    List<String> paths() {
        return hits.stream().map(Hit::path).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        String client = "-";
        if (x instanceof HttpsExchange hx) {
            try {
                client = ((X509Certificate) hx.getSSLSession().getPeerCertificates()[0])
                        .getSubjectX500Principal()
                        .getName();
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                client = "-";
            }
        }
        hits.add(new Hit(path, body, client));
        try {
            if (path.endsWith("/CEP")) {
                reply(x, 200, policy());
            } else if (path.equals("/busy")) {
                reply(x, 503, "");
            } else if (path.equals("/ces") || path.equals("/renew-only") || path.equals("/kbr")) {
                ces(x, body);
            } else {
                reply(x, 404, "");
            }
        } catch (Exception e) {
            reply(x, 500, "<html>" + e + "</html>");
        }
    }

    private void ces(HttpExchange x, String body) throws Exception {
        if (body.contains("QueryTokenStatus")) {
            reply(x, 200, issued(PKCS10.parse(pendingCsr), "7"));
            return;
        }
        Matcher m = Pattern.compile("BinarySecurityToken[^>]*>([^<]+)<").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no BST");
        }
        String b64 = m.group(1);
        switch (mode) {
            case DENY -> reply(x, 500, fault());
            case PEND -> {
                pendingCsr = b64;
                reply(x, 200, pending(base() + "/ces"));
            }
            case ISSUE -> reply(x, 200, issued(PKCS10.parse(b64), "6"));
        }
    }

    /** The PKCS#10 of a BST: bare, or inside CMS id-data (a renewal). */
    static final class PKCS10 {
        static PKCS10CertificationRequest parse(String b64) throws Exception {
            byte[] der = Base64.getDecoder().decode(b64);
            try {
                return new PKCS10CertificationRequest(der);
            } catch (Exception e) {
                CMSSignedData cms = new CMSSignedData(der);
                return new PKCS10CertificationRequest(
                        (byte[]) cms.getSignedContent().getContent());
            }
        }
    }

    private String issued(PKCS10CertificationRequest csr, String id) throws Exception {
        Instant now = Instant.now();
        var builder = new org.bouncycastle.cert.X509v3CertificateBuilder(
                new X500Name(caCert.getSubjectX500Principal().getName()),
                BigInteger.valueOf(100 + Long.parseLong(id)),
                Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(10, ChronoUnit.DAYS)),
                new X500Name("CN=alice"),
                csr.getSubjectPublicKeyInfo());
        // Like AD CS, the certificate names its template (copied from the request's extensions).
        for (var a : csr.getAttributes(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            var exts = org.bouncycastle.asn1.x509.Extensions.getInstance(
                    a.getAttrValues().getObjectAt(0));
            for (var oid : exts.getExtensionOIDs()) {
                builder.addExtension(exts.getExtension(oid));
            }
        }
        X509CertificateHolder leaf =
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey.getPrivate()));
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addCertificates(new JcaCertStore(List.of(caCert)));
        g.addCertificate(leaf);
        byte[] p7 = g.generate(new CMSProcessableByteArray(new byte[0]), false).getEncoded();
        return env("<wst:RequestSecurityTokenResponseCollection><wst:RequestSecurityTokenResponse>"
                + "<wst:TokenType>x</wst:TokenType><wstep:DispositionMessage>Issued</wstep:DispositionMessage>"
                + "<wsse:BinarySecurityToken>" + Base64.getMimeEncoder().encodeToString(p7)
                + "</wsse:BinarySecurityToken>"
                + "<wst:RequestedSecurityToken><wsse:BinarySecurityToken>"
                + Base64.getEncoder().encodeToString(leaf.getEncoded())
                + "</wsse:BinarySecurityToken></wst:RequestedSecurityToken><wstep:RequestID>" + id
                + "</wstep:RequestID></wst:RequestSecurityTokenResponse></wst:RequestSecurityTokenResponseCollection>");
    }

    private String pending(String ref) {
        return env("<wst:RequestSecurityTokenResponseCollection><wst:RequestSecurityTokenResponse>"
                + "<wst:TokenType>x</wst:TokenType>"
                + "<wstep:DispositionMessage>Taken Under Submission</wstep:DispositionMessage>"
                + "<wst:RequestedSecurityToken><wsse:SecurityTokenReference><wsse:Reference URI=\"" + ref
                + "\"/></wsse:SecurityTokenReference></wst:RequestedSecurityToken><wstep:RequestID>7</wstep:RequestID>"
                + "</wst:RequestSecurityTokenResponse></wst:RequestSecurityTokenResponseCollection>");
    }

    private static String fault() {
        return env("<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text xml:lang=\"en-US\">"
                + "Denied by Policy Module</s:Text></s:Reason><s:Detail><CertificateEnrollmentWSDetail"
                + " xmlns=\"http://schemas.microsoft.com/windows/pki/2009/01/enrollment\"><ErrorCode>-2146877422"
                + "</ErrorCode><InvalidRequest>true</InvalidRequest><RequestID>9</RequestID>"
                + "</CertificateEnrollmentWSDetail></s:Detail></s:Fault>");
    }

    /**
     * Template User (schema 2) at CA 0, whose URIs are: a dead port (priority 1), one answering
     * 503 (2), the working CES (3), a renewal-only one (0), a Kerberos one (0), a renewal-only
     * Certificate one (0, for key-based renewal). CA 1, which the
     * template does not name, has a password URI of priority 0 that must never be used.
     */
    private String policy() throws Exception {
        String cert = Base64.getEncoder().encodeToString(caCert.getEncoded());
        return env("<x:GetPoliciesResponse><x:response><x:policyID>{P}</x:policyID><x:policyFriendlyName>Fake"
                + "</x:policyFriendlyName><x:nextUpdateHours>8</x:nextUpdateHours>"
                + "<x:policiesNotChanged xsi:nil=\"true\"/><x:policies><x:policy>"
                + "<x:policyOIDReference>1</x:policyOIDReference><x:cAs><x:cAReference>0</x:cAReference></x:cAs>"
                + "<x:attributes><x:commonName>User</x:commonName><x:policySchema>2</x:policySchema>"
                + "<x:certificateValidity><x:validityPeriodSeconds>86400</x:validityPeriodSeconds>"
                + "<x:renewalPeriodSeconds>3600</x:renewalPeriodSeconds></x:certificateValidity>"
                + "<x:permission><x:enroll>true</x:enroll><x:autoEnroll>false</x:autoEnroll></x:permission>"
                + "<x:privateKeyAttributes><x:minimalKeyLength>2048</x:minimalKeyLength></x:privateKeyAttributes>"
                + "<x:revision><x:majorRevision>100</x:majorRevision><x:minorRevision>4</x:minorRevision></x:revision>"
                + "</x:attributes></x:policy></x:policies></x:response><x:cAs>"
                + ca(
                        0,
                        cert,
                        uri(4, "http://127.0.0.1:" + deadPort + "/dead", 1, false)
                                + uri(4, base() + "/busy", 2, false)
                                + uri(4, base() + "/ces", 3, false)
                                + uri(4, base() + "/renew-only", 0, true)
                                + uri(2, base() + "/kerberos", 0, false)
                                + uri(8, base() + "/kbr", 0, true))
                + ca(1, cert, uri(4, base() + "/other-ca", 0, false))
                + "</x:cAs><x:oIDs><x:oID><x:value>1.3.6.1.4.1.311.21.8.1.2</x:value><x:group>9</x:group>"
                + "<x:oIDReferenceID>1</x:oIDReferenceID><x:defaultName>User</x:defaultName></x:oID></x:oIDs>"
                + "</x:GetPoliciesResponse>");
    }

    private static String ca(int id, String cert, String uris) {
        return "<x:cA><x:uris>" + uris + "</x:uris><x:certificate>" + cert + "</x:certificate>"
                + "<x:enrollPermission>true</x:enrollPermission><x:cAReferenceID>" + id + "</x:cAReferenceID></x:cA>";
    }

    private static String uri(int auth, String uri, int priority, boolean renewalOnly) {
        return "<x:cAURI><x:clientAuthentication>" + auth + "</x:clientAuthentication><x:uri>" + uri
                + "</x:uri><x:priority>" + priority + "</x:priority><x:renewalOnly>" + renewalOnly
                + "</x:renewalOnly></x:cAURI>";
    }

    private static String env(String body) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:x=\"http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:wst=\"http://docs.oasis-open.org/ws-sx/ws-trust/200512\""
                + " xmlns:wstep=\"http://schemas.microsoft.com/windows/pki/2009/01/enrollment\""
                + " xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            x.getResponseBody().write(b);
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
