package org.cews.wcce.msnlmp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A sequence of AV_PAIRs terminated by MsvAvEOL ([MS-NLMP] 2.2.2.1): the TargetInfo of the
 * CHALLENGE_MESSAGE (2.2.1.2) and the AvPairs of NTLMv2_CLIENT_CHALLENGE (2.2.2.7). The list here
 * holds the pairs without the MsvAvEOL, which {@link #encode()} appends.
 */
public record TargetInfo(List<AvPair> pairs) {

    public TargetInfo {
        pairs = List.copyOf(pairs);
        if (pairs.stream().anyMatch(p -> p.id().equals(AvId.EOL))) {
            throw new IllegalArgumentException("MsvAvEOL is added by encode(), not listed");
        }
    }

    public static final TargetInfo EMPTY = new TargetInfo(List.of());

    /**
     * Reads pairs from {@code b[offset, offset + length)} up to the MsvAvEOL; bytes after it are
     * ignored (NTLMv2_CLIENT_CHALLENGE ends with four more zero bytes).
     */
    public static TargetInfo decode(byte[] b, int offset, int length) throws MalformedNtlmMessageException {
        List<AvPair> pairs = new ArrayList<>();
        int pos = offset;
        int end = offset + length;
        while (end - pos >= 4) {
            AvId id = new AvId(LittleEndian.u16(b, pos));
            int len = LittleEndian.u16(b, pos + 2);
            pos += 4;
            if (id.equals(AvId.EOL)) {
                if (len != 0) {
                    throw new MalformedNtlmMessageException("MsvAvEOL AvLen (expected: 0, actual: " + len + ")");
                }
                return new TargetInfo(pairs);
            }
            if (len > end - pos) {
                throw new MalformedNtlmMessageException(
                        "AV_PAIR " + id.code() + " AvLen (expected: at most " + (end - pos) + ", actual: " + len + ")");
            }
            pairs.add(new AvPair(id, Arrays.copyOfRange(b, pos, pos + len)));
            pos += len;
        }
        throw new MalformedNtlmMessageException(
                "AV_PAIR list (expected: ends with MsvAvEOL, actual: " + (end - pos) + " bytes left)");
    }

    public static TargetInfo decode(byte[] b) throws MalformedNtlmMessageException {
        return decode(b, 0, b.length);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = new byte[4];
        for (AvPair p : pairs) {
            byte[] value = p.value();
            LittleEndian.putU16(head, 0, p.id().code());
            LittleEndian.putU16(head, 2, value.length);
            out.writeBytes(head);
            out.writeBytes(value);
        }
        out.writeBytes(new byte[4]);
        return out.toByteArray();
    }

    /** The first pair with this id. */
    public Optional<AvPair> find(AvId id) {
        return pairs.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
