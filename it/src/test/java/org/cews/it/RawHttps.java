package org.cews.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 over one TLS socket, written by hand so a test sees exactly what a client like cepces
 * sees: the status, every header, and whether the server kept the connection open after a 401
 * (cepces computes its channel binding from the socket of the 401, so it must survive).
 */
final class RawHttps implements AutoCloseable {

    /** One response: status, headers (names in lower case, values in order), body. */
    record Response(int status, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttps(KeyManager[] clientKeys) throws Exception {
        socket = (SSLSocket)
                TestServer.tls(clientKeys).getSocketFactory().createSocket("localhost", TestServer.httpsPort());
        socket.setSoTimeout(20_000);
        socket.startHandshake();
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** The certificate the server presented on this connection (its leaf). */
    java.security.cert.X509Certificate serverCertificate() throws IOException {
        return (java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0];
    }

    /** POSTs a SOAP body; {@code authorization} may be null. */
    Response post(String path, String authorization, String body) throws IOException {
        return post(path, authorization, body, List.of());
    }

    /** The same, with more header lines ({@code "Cookie: ..."}). */
    Response post(String path, String authorization, String body, List<String> extraHeaders) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append("POST ")
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: localhost:")
                .append(TestServer.httpsPort())
                .append("\r\n")
                .append("Content-Type: application/soap+xml; charset=utf-8\r\n")
                .append("Content-Length: ")
                .append(bytes.length)
                .append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return read();
    }

    /** True while the server has not closed its side (a read would block, not end). */
    boolean open() throws IOException {
        if (socket.isClosed() || socket.isInputShutdown()) {
            return false;
        }
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(300);
        try {
            return in.read() != -1 || false;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return true;
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    private Response read() throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("the server closed the connection without a response");
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while ((line = line()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(
                            line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        byte[] body;
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(line().trim().split(";")[0], 16)) > 0) {
                all.write(in.readNBytes(size));
                line();
            }
            line();
            body = all.toByteArray();
        } else {
            body = in.readNBytes(length == null ? 0 : Integer.parseInt(length.get(0)));
        }
        return new Response(code, headers, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
