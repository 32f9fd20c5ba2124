import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivilegedExceptionAction;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * bench/run-soap.sh's load generator for Kerberos with a fresh ticket on every request, which wrk
 * cannot send (a Negotiate token is one AP-REQ, refused when replayed). Like wrk: N connections
 * over HTTPS keep-alive, each a closed loop POSTing the same body; with --negotiate each request
 * carries a new SPNEGO token from the JDK's GSS-API (a new context, so a new authenticator; the
 * service ticket is fetched once and kept in the JAAS subject) and no cookie, so the server checks
 * a Kerberos AP-REQ for every request: what a client that keeps no cookies costs. Without
 * --negotiate it sends no Authorization header: the same client's baseline against the static file.
 * Prints one line in post.lua's format. Run as a single-file program (java KerberosLoad.java) or
 * compiled; it is not part of the Maven build.
 *
 * <pre>
 * java KerberosLoad.java --url=https://localhost:8443/PATH --body=FILE --ca=CA.crt --connections=64
 *     --seconds=5 [--warmup=S] [--negotiate=alice@LAB.EXAMPLE --service=HTTP@localhost]   (password in BENCH_PASSWORD;
 *     the realm's KDC from -Djava.security.krb5.conf)
 * </pre>
 */
public final class KerberosLoad {

    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");

    private final URI url;
    private final byte[] head;
    private final byte[] body;
    private final SSLContext tls;
    private final Subject subject;
    private final String service;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong errStatus = new AtomicLong();
    private final AtomicLong errConnect = new AtomicLong();
    private final AtomicLong errRead = new AtomicLong();

    private KerberosLoad(URI url, byte[] body, SSLContext tls, Subject subject, String service) {
        this.url = url;
        this.body = body;
        this.tls = tls;
        this.subject = subject;
        this.service = service;
        this.head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                        + "\r\nContent-Type: application/soap+xml; charset=utf-8\r\nContent-Length: " + body.length
                        + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("options are --name=value: " + a);
            }
            o.put(a.substring(2, eq), a.substring(eq + 1));
        }
        URI url = URI.create(need(o, "url"));
        byte[] body = Files.readAllBytes(Path.of(need(o, "body")));
        int connections = Integer.parseInt(o.getOrDefault("connections", "64"));
        long seconds = Long.parseLong(o.getOrDefault("seconds", "5"));
        Subject subject = o.containsKey("negotiate") ? login(o.get("negotiate"), System.getenv("BENCH_PASSWORD")) : null;
        long warmup = Long.parseLong(o.getOrDefault("warmup", "0"));
        if (warmup > 0) {
            // Unmeasured, in this JVM: a new JVM per slice would otherwise measure its own JIT.
            new KerberosLoad(url, body, tls(Path.of(need(o, "ca"))), subject, o.getOrDefault("service", "HTTP@localhost"))
                    .run(connections, warmup, false);
        }
        new KerberosLoad(url, body, tls(Path.of(need(o, "ca"))), subject, o.getOrDefault("service", "HTTP@localhost"))
                .run(connections, seconds, true);
    }

    private static String need(Map<String, String> o, String name) {
        String value = o.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private void run(int connections, long seconds, boolean report) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            long[] mine = new long[1 << 20];
            latencies.add(mine);
            Thread t = new Thread(() -> loop(deadline, mine), "load-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long duration = (System.nanoTime() - start) / 1000;
        if (!report) {
            return;
        }
        int n = 0;
        for (long[] l : latencies) {
            n += (int) l[0];
        }
        long[] all = new long[n];
        int at = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 1, all, at, (int) l[0]);
            at += (int) l[0];
        }
        java.util.Arrays.sort(all);
        System.out.printf(
                "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d bytes=%d err_connect=%d err_read=%d"
                        + " err_write=0 err_status=%d err_timeout=0%n",
                n, duration, rank(all, 50), rank(all, 99), n == 0 ? 0 : all[n - 1], bytes.get(), errConnect.get(),
                errRead.get(), errStatus.get());
    }

    private static long rank(long[] sorted, int percent) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /** One connection's closed loop; latencies in µs from index 1, their count in index 0. */
    private void loop(long deadline, long[] latencies) {
        SSLSocket socket = null;
        InputStream in = null;
        OutputStream out = null;
        while (System.nanoTime() < deadline) {
            try {
                if (socket == null) {
                    socket = connect();
                    in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
                    out = socket.getOutputStream();
                }
                long t0 = System.nanoTime();
                ByteArrayOutputStream request = new ByteArrayOutputStream(head.length + body.length + 2048);
                request.write(head);
                if (subject != null) {
                    request.write(("Authorization: Negotiate " + token() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                request.write('\r');
                request.write('\n');
                request.write(body);
                request.writeTo(out);
                out.flush();
                boolean keep = response(in);
                long t1 = System.nanoTime();
                if (t1 < deadline && latencies[0] < latencies.length - 1) {
                    latencies[(int) ++latencies[0]] = (t1 - t0) / 1000;
                }
                if (!keep) {
                    socket.close();
                    socket = null;
                }
            } catch (IOException e) {
                errRead.incrementAndGet();
                close(socket);
                socket = null;
            } catch (Exception e) {
                errConnect.incrementAndGet();
                close(socket);
                socket = null;
            }
        }
        close(socket);
    }

    private SSLSocket connect() throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", url.getPort()), 10_000);
        socket.setTcpNoDelay(true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(url.getHost())));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** Reads one response; counts a status other than 200; says whether the connection stays. */
    private boolean response(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("connection closed");
        }
        long length = -1;
        boolean keep = true;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon).trim();
            String value = colon < 0 ? "" : header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                keep = false;
            }
        }
        if (length < 0) {
            throw new IOException("no Content-Length: " + status);
        }
        in.skipNBytes(length);
        bytes.addAndGet(length);
        if (!status.startsWith("HTTP/1.1 200")) {
            errStatus.incrementAndGet();
        }
        return keep;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    /** One manager for every token: GSSManager.getInstance() walks every JCA provider's keys. */
    private static final GSSManager MANAGER = GSSManager.getInstance();

    /** A new SPNEGO context's first token: a new AP-REQ every time. */
    private String token() throws Exception {
        return Subject.doAs(subject, (PrivilegedExceptionAction<String>) () -> {
            GSSName name = MANAGER.createName(service, GSSName.NT_HOSTBASED_SERVICE);
            GSSContext context = MANAGER.createContext(name, SPNEGO, null, GSSContext.DEFAULT_LIFETIME);
            context.requestMutualAuth(true);
            context.requestCredDeleg(false);
            byte[] token = context.initSecContext(new byte[0], 0, 0);
            context.dispose();
            return Base64.getEncoder().encodeToString(token);
        });
    }

    private static Subject login(String principal, String password) throws Exception {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("--negotiate needs the password in BENCH_PASSWORD");
        }
        Configuration jaas = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(
                            "com.sun.security.auth.module.Krb5LoginModule",
                            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                            Map.of("refreshKrb5Config", "true", "storeKey", "false", "doNotPrompt", "false"))
                };
            }
        };
        LoginContext login = new LoginContext("cews-bench", new Subject(), callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof NameCallback n) {
                    n.setName(principal);
                } else if (callback instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        }, jaas);
        login.login();
        return login.getSubject();
    }

    private static SSLContext tls(Path ca) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static void close(SSLSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing after a failure: nothing more to report
            }
        }
    }

    private static Oid oid(String value) {
        try {
            return new Oid(value);
        } catch (org.ietf.jgss.GSSException e) {
            throw new IllegalArgumentException(value, e);
        }
    }
}
