package org.cews.soap.envelope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SOAP 1.2 envelope around a reply body, written as bytes: the header carries wsa:Action
 * (mustUnderstand, as AD CS sends it) and wsa:RelatesTo with the request's MessageID (WS-Addressing
 * Core §3.4; docs/REAL-CLIENTS.md §6). The body is bytes the operation wrote or cached; the only part
 * that changes from one request to the next is the RelatesTo value, spliced between a head and a
 * tail that are built once per action (docs/adr/0002). The Body declares xsi, as AD CS does, so
 * a body may use xsi:nil without declaring it again.
 */
public final class ReplyEnvelope {

    private static final byte[] RELATES_TO_OPEN = ascii("<a:RelatesTo>");
    private static final byte[] RELATES_TO_CLOSE = ascii("</a:RelatesTo>");
    private static final byte[] BODY_OPEN = ascii("</s:Header><s:Body xmlns:xsi=\"" + Soap12.XSI_NS + "\">");
    private static final byte[] TAIL = ascii("</s:Body></s:Envelope>");
    private static final Map<String, byte[]> HEADS = new ConcurrentHashMap<>();

    private final byte[] head;
    private final byte[] relatesTo;
    private final byte[] body;

    private ReplyEnvelope(byte[] head, byte[] relatesTo, byte[] body) {
        this.head = head;
        this.relatesTo = relatesTo;
        this.body = body;
    }

    /**
     * @param action the reply's wsa:Action
     * @param relatesTo the request's wsa:MessageID; without one no RelatesTo is written
     * @param body the Body's content, UTF-8, not copied
     */
    public static ReplyEnvelope of(String action, Optional<String> relatesTo, byte[] body) {
        byte[] head = HEADS.computeIfAbsent(action, ReplyEnvelope::head);
        byte[] id = relatesTo
                .map(XmlText::escape)
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
        return new ReplyEnvelope(head, id, body);
    }

    /** The number of bytes {@link #writeTo} writes: the Content-Length. */
    public int length() {
        int length = head.length + BODY_OPEN.length + body.length + TAIL.length;
        if (relatesTo != null) {
            length += RELATES_TO_OPEN.length + relatesTo.length + RELATES_TO_CLOSE.length;
        }
        return length;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        if (relatesTo != null) {
            out.write(RELATES_TO_OPEN);
            out.write(relatesTo);
            out.write(RELATES_TO_CLOSE);
        }
        out.write(BODY_OPEN);
        out.write(body);
        out.write(TAIL);
    }

    public byte[] toByteArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length());
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream does not fail", e);
        }
        return out.toByteArray();
    }

    private static byte[] head(String action) {
        return ("<s:Envelope xmlns:s=\"" + Soap12.ENVELOPE_NS + "\" xmlns:a=\"" + Soap12.WSA_NS + "\">"
                        + "<s:Header><a:Action s:mustUnderstand=\"1\">" + XmlText.escape(action) + "</a:Action>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
