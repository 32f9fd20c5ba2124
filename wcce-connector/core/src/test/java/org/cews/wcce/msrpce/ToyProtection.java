package org.cews.wcce.msrpce;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A test-only {@link PduProtection} shaped like NTLM's: the stub+pad is XORed with a keystream that
 * depends on the direction key and the sequence number, and the verifier carries a version, an
 * 8-byte SHA-256 checksum over {@code seq || PDU[0 .. trailer end)} of the plaintext (the bytes the
 * NTLM MAC covers) and the sequence number, which counts fragments per direction from 0. Verifiers
 * longer than 16 bytes (a Kerberos-sized 76) are padded with a fixed pattern that is checked too.
 * On unseal the verifier is everything after the sec_trailer; it must be {@link #verifierLength()}
 * bytes unless the instance was made {@link #anyLength lenient}, like Kerberos with another EC.
 */
final class ToyProtection implements PduProtection {

    private final int verifierLength;
    private final byte sendKey;
    private final byte receiveKey;
    private boolean anyLength;
    private int sendSeq;
    private int receiveSeq;

    private ToyProtection(int verifierLength, byte sendKey, byte receiveKey) {
        if (verifierLength < 16) {
            throw new IllegalArgumentException("verifierLength " + verifierLength);
        }
        this.verifierLength = verifierLength;
        this.sendKey = sendKey;
        this.receiveKey = receiveKey;
    }

    static ToyProtection initiator(int verifierLength) {
        return new ToyProtection(verifierLength, (byte) 0x5A, (byte) 0xC3);
    }

    static ToyProtection acceptor(int verifierLength) {
        return new ToyProtection(verifierLength, (byte) 0xC3, (byte) 0x5A);
    }

    /** Accepts a received verifier of any length of at least 16, the pattern running on to its end. */
    ToyProtection anyLength() {
        anyLength = true;
        return this;
    }

    @Override
    public int verifierLength() {
        return verifierLength;
    }

    @Override
    public void seal(byte[] pdu, int stubOffset, int length) {
        int seq = sendSeq++;
        byte[] mac = checksum(seq, pdu, stubOffset + length + SecTrailer.LENGTH);
        xor(pdu, stubOffset, length, sendKey, seq);
        ByteBuffer v = ByteBuffer.wrap(pdu, pdu.length - verifierLength, verifierLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        v.putInt(1).put(mac).putInt(seq);
        for (int i = 16; i < verifierLength; i++) {
            v.put((byte) i);
        }
    }

    @Override
    public void unseal(byte[] pdu, int stubOffset, int length) throws RpcSecurityException {
        int received = pdu.length - stubOffset - length - SecTrailer.LENGTH;
        if (anyLength ? received < 16 : received != verifierLength) {
            throw new RpcSecurityException("verifier length (expected: " + (anyLength ? "at least 16" : verifierLength)
                    + ", actual: " + received + ")");
        }
        ByteBuffer v = ByteBuffer.wrap(pdu, pdu.length - received, received).order(ByteOrder.LITTLE_ENDIAN);
        int version = v.getInt();
        byte[] mac = new byte[8];
        v.get(mac);
        int seq = v.getInt();
        if (version != 1) {
            throw new RpcSecurityException("verifier version (expected: 1, actual: " + version + ")");
        }
        if (seq != receiveSeq) {
            throw new RpcSecurityException("sequence number (expected: " + receiveSeq + ", actual: " + seq + ")");
        }
        for (int i = 16; i < received; i++) {
            if (v.get() != (byte) i) {
                throw new RpcSecurityException("verifier filler (expected: pattern, actual: other bytes)");
            }
        }
        receiveSeq++;
        xor(pdu, stubOffset, length, receiveKey, seq);
        if (!Arrays.equals(mac, checksum(seq, pdu, stubOffset + length + SecTrailer.LENGTH))) {
            throw new RpcSecurityException("checksum (expected: valid, actual: invalid)");
        }
    }

    private static void xor(byte[] pdu, int offset, int length, byte key, int seq) {
        for (int i = 0; i < length; i++) {
            pdu[offset + i] ^= (byte) (key + 31 * seq + 7 * i);
        }
    }

    private static byte[] checksum(int seq, byte[] pdu, int end) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(seq)
                    .array());
            sha.update(pdu, 0, end);
            return Arrays.copyOf(sha.digest(), 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
