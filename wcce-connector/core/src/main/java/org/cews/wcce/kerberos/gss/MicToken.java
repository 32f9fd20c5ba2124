package org.cews.wcce.kerberos.gss;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.cews.wcce.kerberos.crypto.KerberosCipher;
import org.cews.wcce.kerberos.crypto.KerberosCryptoException;
import org.cews.wcce.kerberos.crypto.KeyUsage;

/**
 * The RFC 4121 §4.2.6.1 MIC token: {@code 04 04 | Flags | FF*5 | SND_SEQ (8, big-endian) |
 * checksum(Kc, message | first 16 octets)}. SPNEGO's mechListMIC is one (RFC 4178 §5; usage 25 from
 * the initiator, 23 from the acceptor, per docs/RPC-KERBEROS.md §W2).
 */
public final class MicToken {

    private static final int HEADER = 16;

    private MicToken() {}

    public static byte[] sign(
            KerberosCipher cipher, byte[] key, KeyUsage usage, int flags, long sequence, byte[] message)
            throws KerberosCryptoException {
        byte[] header = header(flags, sequence);
        byte[] checksum = cipher.checksum(key, usage, concat(message, header));
        byte[] token = Arrays.copyOf(header, HEADER + checksum.length);
        System.arraycopy(checksum, 0, token, HEADER, checksum.length);
        return token;
    }

    /** Checks every header field and then the checksum; the message says which one failed. */
    public static void verify(
            KerberosCipher cipher,
            byte[] key,
            KeyUsage usage,
            int expectedFlags,
            long expectedSequence,
            byte[] message,
            byte[] token)
            throws KerberosCryptoException {
        int expectedLength = HEADER + cipher.checksumLength();
        if (token.length != expectedLength) {
            throw new KerberosCryptoException(
                    "MIC token length (expected: " + expectedLength + ", actual: " + token.length + ")");
        }
        byte[] expectedHeader = header(expectedFlags, expectedSequence);
        byte[] header = Arrays.copyOf(token, HEADER);
        if (header[2] != expectedHeader[2]) {
            throw new KerberosCryptoException(String.format(
                    "MIC token flags (expected: 0x%02x, actual: 0x%02x)", expectedFlags, header[2] & 0xFF));
        }
        long sequence = ByteBuffer.wrap(header, 8, 8).getLong();
        if (sequence != expectedSequence) {
            throw new KerberosCryptoException(
                    "MIC token SND_SEQ (expected: " + expectedSequence + ", actual: " + sequence + ")");
        }
        if (!Arrays.equals(header, expectedHeader)) {
            throw new KerberosCryptoException("MIC token header (expected: 0404, flags, ffffffffff, SND_SEQ, actual: "
                    + HexFormat.of().formatHex(header) + ")");
        }
        byte[] checksum = cipher.checksum(key, usage, concat(message, header));
        if (!MessageDigest.isEqual(checksum, Arrays.copyOfRange(token, HEADER, token.length))) {
            throw new KerberosCryptoException(
                    "MIC token checksum under usage " + usage.number() + " (expected: a match, actual: a mismatch)");
        }
    }

    static byte[] header(int flags, long sequence) {
        return ByteBuffer.allocate(HEADER)
                .put((byte) 0x04)
                .put((byte) 0x04)
                .put((byte) flags)
                .put(new byte[] {-1, -1, -1, -1, -1})
                .putLong(sequence)
                .array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
