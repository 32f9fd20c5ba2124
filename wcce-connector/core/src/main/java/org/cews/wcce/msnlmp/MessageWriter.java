package org.cews.wcce.msnlmp;

import java.io.ByteArrayOutputStream;

/**
 * Lays out one NTLM message ([MS-NLMP] 2.2): the fixed header, then the payload fields in the
 * order they are added, each described by {len u16, maxlen u16, offset u32} in the header. An
 * empty field gets length 0 and the offset where it would have been.
 */
final class MessageWriter {

    private final byte[] header;
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

    MessageWriter(int messageType, int headerLength) {
        header = new byte[headerLength];
        System.arraycopy(MessageReader.SIGNATURE, 0, header, 0, 8);
        LittleEndian.putU32(header, 8, messageType);
    }

    MessageWriter u32(int offset, int value) {
        LittleEndian.putU32(header, offset, value);
        return this;
    }

    MessageWriter bytes(int offset, byte[] value) {
        System.arraycopy(value, 0, header, offset, value.length);
        return this;
    }

    MessageWriter field(int fieldOffset, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException(
                    "an NTLM payload field is at most 65535 bytes (actual: " + value.length + ")");
        }
        LittleEndian.putU16(header, fieldOffset, value.length);
        LittleEndian.putU16(header, fieldOffset + 2, value.length);
        LittleEndian.putU32(header, fieldOffset + 4, header.length + payload.size());
        payload.writeBytes(value);
        return this;
    }

    byte[] toByteArray() {
        byte[] out = new byte[header.length + payload.size()];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(payload.toByteArray(), 0, out, header.length, payload.size());
        return out;
    }
}
