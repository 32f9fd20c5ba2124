package org.cews.wcce.kerberos.gss;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.cews.wcce.kerberos.asn1.DerException;

/**
 * The checksum field of a GSS-API Authenticator, type 0x8003 (RFC 4121 §4.1.1): {@code Lgth (4, LE)
 * = 16 | Bnd (16, channel binding hash) | Flags (4, LE) | [delegation, extensions]}. Only Lgth, Bnd
 * and Flags are read; delegation data that may follow is ignored.
 */
public record GssChecksum(byte[] bindings, int flags) {

    /** What RPC over DCE style asks for: docs/RPC-KERBEROS.md §W1.1, 0x0000103E. */
    public static final int DCE_RPC_FLAGS = GssFlag.bits(
            GssFlag.MUTUAL, GssFlag.REPLAY, GssFlag.SEQUENCE, GssFlag.CONF, GssFlag.INTEG, GssFlag.DCE_STYLE);

    private static final int MINIMUM = 24;

    public GssChecksum {
        if (bindings.length != 16) {
            throw new IllegalArgumentException("Bnd is 16 octets (actual: " + bindings.length + ")");
        }
        bindings = bindings.clone();
    }

    @Override
    public byte[] bindings() {
        return bindings.clone();
    }

    /** No channel bindings: Bnd is 16 zero octets. */
    public static GssChecksum of(int flags) {
        return new GssChecksum(new byte[16], flags);
    }

    public byte[] encode() {
        return ByteBuffer.allocate(MINIMUM)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(16)
                .put(bindings)
                .putInt(flags)
                .array();
    }

    public static GssChecksum decode(byte[] value) throws DerException {
        if (value.length < MINIMUM) {
            throw new DerException(
                    "0x8003 checksum length (expected: >= " + MINIMUM + ", actual: " + value.length + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        int lgth = in.getInt();
        if (lgth != 16) {
            throw new DerException("0x8003 checksum Lgth (expected: 16, actual: " + lgth + ")");
        }
        return new GssChecksum(Arrays.copyOfRange(value, 4, 20), in.getInt(20));
    }
}
