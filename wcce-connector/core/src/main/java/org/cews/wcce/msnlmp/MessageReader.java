package org.cews.wcce.msnlmp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Bounded reads from one NTLM message ([MS-NLMP] 2.2): the common header, fixed fields, and the
 * {len u16, maxlen u16, offset u32} payload fields. Every read is checked against the message
 * length first, so hostile bytes give a {@link MalformedNtlmMessageException} and nothing else.
 */
final class MessageReader {

    static final byte[] SIGNATURE = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};

    private final byte[] message;
    private final String name;

    /** Checks the signature, the MessageType and that the fixed fields are all there. */
    MessageReader(byte[] message, String name, int messageType, int fixedLength) throws MalformedNtlmMessageException {
        this.message = message;
        this.name = name;
        need(12);
        if (!Arrays.equals(message, 0, 8, SIGNATURE, 0, 8)) {
            throw new MalformedNtlmMessageException(name + " signature (expected: 4e544c4d53535000, actual: "
                    + HexFormat.of().formatHex(message, 0, 8) + ")");
        }
        int type = LittleEndian.u32(message, 8);
        if (type != messageType) {
            throw new MalformedNtlmMessageException(name + " MessageType (expected: " + messageType + ", actual: "
                    + Integer.toUnsignedString(type) + ")");
        }
        need(fixedLength);
    }

    /** Fails unless the message has at least {@code length} bytes. */
    void need(int length) throws MalformedNtlmMessageException {
        if (message.length < length) {
            throw new MalformedNtlmMessageException(
                    name + " length (expected: at least " + length + ", actual: " + message.length + ")");
        }
    }

    int u32(int offset) {
        return LittleEndian.u32(message, offset);
    }

    byte[] bytes(int offset, int length) {
        return Arrays.copyOfRange(message, offset, offset + length);
    }

    /**
     * The payload field described at {@code fieldOffset}. An empty field's offset is ignored, as
     * [MS-NLMP] 2.2.1 allows any value there; a non-empty one must lie after the fixed fields and
     * inside the message.
     */
    PayloadField field(int fieldOffset, String field, int fixedEnd) throws MalformedNtlmMessageException {
        int len = LittleEndian.u16(message, fieldOffset);
        long off = LittleEndian.u32(message, fieldOffset + 4) & 0xFFFFFFFFL;
        if (len == 0) {
            return new PayloadField(0, 0);
        }
        if (off < fixedEnd) {
            throw new MalformedNtlmMessageException(
                    name + " " + field + " offset (expected: at least " + fixedEnd + ", actual: " + off + ")");
        }
        if (off + len > message.length) {
            throw new MalformedNtlmMessageException(name + " " + field + " end (expected: at most " + message.length
                    + ", actual: " + (off + len) + ")");
        }
        return new PayloadField((int) off, len);
    }

    byte[] bytes(PayloadField f) {
        return bytes(f.offset(), f.length());
    }

    /** A string field in UTF-16LE if {@code unicode}, else in the OEM set (read as ISO-8859-1). */
    String string(PayloadField f, String field, boolean unicode) throws MalformedNtlmMessageException {
        if (!unicode) {
            return new String(message, f.offset(), f.length(), ISO_8859_1);
        }
        if (f.length() % 2 != 0) {
            throw new MalformedNtlmMessageException(
                    name + " " + field + " UTF-16 length (expected: even, actual: " + f.length() + ")");
        }
        return new String(message, f.offset(), f.length(), UTF_16LE);
    }

    /** Where a payload field's bytes lie; both zero for an absent field. */
    record PayloadField(int offset, int length) {}
}
