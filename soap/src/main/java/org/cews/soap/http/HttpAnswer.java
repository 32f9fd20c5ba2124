package org.cews.soap.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.cews.soap.envelope.ReplyEnvelope;
import org.cews.soap.envelope.Soap12;

/** What the front door sends back: a SOAP envelope, a short text, or a status alone. */
public sealed interface HttpAnswer {

    int status();

    void writeTo(HttpServletResponse response) throws IOException;

    /** A SOAP reply or fault, {@code application/soap+xml; charset=utf-8}, with its length. */
    record Soap(int status, ReplyEnvelope envelope) implements HttpAnswer {
        @Override
        public void writeTo(HttpServletResponse response) throws IOException {
            response.setStatus(status);
            response.setContentType(Soap12.CONTENT_TYPE);
            response.setContentLength(envelope.length());
            envelope.writeTo(response.getOutputStream());
        }
    }

    /** Plain text (a 403 or 404 for a person, never an HTML error page). */
    record Text(int status, String text) implements HttpAnswer {
        @Override
        public void writeTo(HttpServletResponse response) throws IOException {
            byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.setContentType("text/plain;charset=UTF-8");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** A status with no body: 503, which certmonger retries (docs/REAL-CLIENTS.md §3). */
    record Empty(int status) implements HttpAnswer {
        @Override
        public void writeTo(HttpServletResponse response) {
            response.setStatus(status);
            response.setContentLength(0);
        }
    }
}
