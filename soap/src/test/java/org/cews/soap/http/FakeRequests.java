package org.cews.soap.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/** An HttpServletRequest that carries a body and nothing else, for front-door tests without a container. */
final class FakeRequests {

    private FakeRequests() {}

    static HttpServletRequest post(String body) {
        return post(body, null, null);
    }

    /** A POST the container says was made to {@code url} with the raw {@code query} (either may be null). */
    static HttpServletRequest post(String body, String url, String query) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(
                FakeRequests.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> {
                    return switch (m.getName()) {
                        case "getInputStream" -> stream;
                        case "getContentLengthLong" -> (long) bytes.length;
                        case "getContentLength" -> bytes.length;
                        case "getMethod" -> "POST";
                        case "getRequestURL" -> url == null ? null : new StringBuffer(url);
                        case "getQueryString" -> query;
                        case "toString" -> "FakeRequest";
                        default -> null;
                    };
                });
    }
}
