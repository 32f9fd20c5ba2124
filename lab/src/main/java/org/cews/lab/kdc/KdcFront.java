package org.cews.lab.kdc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cews.x690.BoundedDer;
import org.cews.x690.DerException;
import org.cews.x690.DerLimits;

/**
 * The KDC's TCP port: Kerby's ASN.1 decoder recurses once per nesting level and its handler
 * catches only {@link Exception}, so 5,000 nested SEQUENCEs in one request killed the handler
 * thread with a StackOverflowError and left the connection open. This front owns the port the
 * clients know and hands Kerby, listening on another loopback port, only requests the shared
 * bounded reader accepted (X.690 §8.1 with {@link #LIMITS}); anything else closes the connection
 * without an answer, as a KDC does with a record it cannot read.
 *
 * <p>RFC 4120 §7.2.2: over TCP each message is preceded by its length in four octets, big-endian,
 * whose high bit is reserved (a KDC that does not know the extension closes the connection). The
 * front relays request and answer records unchanged, any number per connection. UDP is not
 * offered: the lab's krb5.conf sends everything over TCP ({@code udp_preference_limit = 1}).
 */
final class KdcFront implements AutoCloseable {

    /**
     * A TGS-REQ with an AP-REQ in its PA-TGS-REQ nests about 16 levels (the padata-value OCTET
     * STRING counted, since Kerby decodes what is inside it) and is 1-2 KiB; with a PAC-laden
     * ticket some KiB more. DER only (RFC 4120 §5.1), definite lengths.
     */
    static final DerLimits LIMITS = new DerLimits(64 * 1024, 32, false, true);

    /** Kerby's answers are bounded by what it writes; a sanity cap against a broken relay. */
    private static final int MAX_ANSWER = 1024 * 1024;

    private static final int IDLE_MILLIS = 30_000;
    private static final System.Logger LOG = System.getLogger(KdcFront.class.getName());

    private final ServerSocket server;
    private final InetSocketAddress kerby;
    private final ExecutorService connections;

    private KdcFront(ServerSocket server, InetSocketAddress kerby) {
        this.server = server;
        this.kerby = kerby;
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lab-kdc-front");
            t.setDaemon(true);
            return t;
        });
    }

    /** Listens on {@code address:port} and relays to Kerby at {@code kerby}. */
    static KdcFront start(InetAddress address, int port, InetSocketAddress kerby) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(address, port), 64);
        KdcFront front = new KdcFront(server, kerby);
        front.connections.execute(front::accept);
        return front;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.execute(() -> relay(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "LAB0204 KDC front: accept failed: {0}", e.getMessage());
                }
            }
        }
    }

    /** Relays records until either side closes or a request is refused. */
    private void relay(Socket client) {
        Socket upstream = null;
        try (client) {
            client.setSoTimeout(IDLE_MILLIS);
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            DataInputStream answers = null;
            DataOutputStream requests = null;
            while (true) {
                byte[] request = read(in, LIMITS.maxLength(), client);
                if (request == null) {
                    return;
                }
                try {
                    BoundedDer.check(request, "KDC request", LIMITS);
                } catch (DerException e) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "LAB0205 KDC front refused a request from {0}, connection closed: {1}",
                            client.getRemoteSocketAddress(),
                            e.getMessage());
                    return;
                }
                if (upstream == null) {
                    upstream = new Socket();
                    upstream.connect(kerby, IDLE_MILLIS);
                    upstream.setSoTimeout(IDLE_MILLIS);
                    answers = new DataInputStream(upstream.getInputStream());
                    requests = new DataOutputStream(upstream.getOutputStream());
                }
                requests.writeInt(request.length);
                requests.write(request);
                requests.flush();
                byte[] answer = read(answers, MAX_ANSWER, upstream);
                if (answer == null) {
                    return; // Kerby closed: so does the client's connection
                }
                out.writeInt(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "KDC front connection ended: {0}", e.getMessage());
        } finally {
            closeQuietly(upstream);
        }
    }

    /**
     * One record's message, or null when the peer closed between records or sent a length the
     * front does not take (the reserved high bit, or more than {@code max}).
     */
    private static byte[] read(DataInputStream in, int max, Socket from) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > max) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "LAB0206 KDC front: record length {0,number,#} from {1} (expected: at most {2,number,#}), connection closed",
                    Integer.toUnsignedLong(length),
                    from.getRemoteSocketAddress(),
                    max);
            return null;
        }
        byte[] message = in.readNBytes(length);
        return message.length == length ? message : null; // cut short: the peer closed
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "LAB0204 KDC front: close failed: {0}", e.getMessage());
        }
        connections.shutdownNow();
    }
}
