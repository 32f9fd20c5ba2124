package org.cews.wcce.kerberos;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.KerberosCipher;
import org.cews.wcce.kerberos.crypto.KerberosCryptoException;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.kerberos.gss.TokenFlag;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;

/**
 * Packet privacy with the RFC 4121 §4.2.6.2 Wrap token in the DCE/RPC layout of [MS-KILE] 3.4.5.4.1,
 * as docs/RPC-KERBEROS.md §W1.4 shows Samba accepting it (no header signing):
 *
 * <pre>
 *   P  = confounder | stub+pad | filler (EC = 16 octets of FF) | token header with RRC 0
 *   X  = C | H = RFC 3961 encrypt(key, usage 24 initiator / 22 acceptor, P)
 *   R  = X rotated right by RRC + EC, RRC = 16 + h (28 for the SHA-1 types)
 *   verifier = token header with RRC | R without its last len(stub+pad) octets (76 octets for SHA-1)
 *   stub+pad = the last len(stub+pad) octets of R, in place
 * </pre>
 *
 * <p>On receive the EC and RRC of the received token header are used ([MS-KILE] 3.4.5.4.1: "The
 * recipient must follow the extra count (EC) field in the wrap header"; RFC 4121 §4.2.4 and §4.2.5):
 * the verifier is everything after the sec_trailer, and its length (the received auth_length) must
 * be {@code 16 + 16 + RRC + EC} (header, confounder and the RRC + EC rotated octets). EC may be any
 * value, including 0: MS-KILE says a sender must not use 0, but the token is still well formed and
 * Samba accepts it (docs/RPC-KERBEROS.md §W3.2), so this lenient receiver does too. RRC must be
 * {@code 16 + h} (28 for the SHA-1 types, MS-KILE 3.4.5.4.1): any other value would not leave exactly
 * the stub's length of ciphertext for the stub. The encrypted header copy must equal the outer
 * header with RRC 0, so its EC must equal the outer EC. What we send never changes: EC 16, RRC 28
 * (76-octet verifier for the SHA-1 types), as Windows and Samba send.
 *
 * <p>SND_SEQ starts at the value the AP exchange set and grows by one per PDU fragment in each
 * direction; a received token must carry exactly the next expected number.
 */
public final class KerberosWrapProtection implements PduProtection {

    /** Which end of the context this instance is. */
    public enum Role {
        INITIATOR,
        ACCEPTOR
    }

    static final int HEADER = 16;
    /** The EC we send; a received token may carry any other (see the class comment). */
    static final int EC = 16;

    private static final int SEC_TRAILER = 8;

    private final KerberosCipher cipher;
    private final byte[] key;
    private final Role role;
    private final boolean acceptorSubkey;
    private final RandomSource random;
    private final int rrc;
    private long sendSequence;
    private long receiveSequence;

    /**
     * @param key the context key: the acceptor subkey when the AP-REP carried one, which is what
     *     Windows and Samba do
     * @param acceptorSubkey whether {@code key} is the acceptor's subkey (Flags bit 0x04)
     */
    public KerberosWrapProtection(
            EncryptionKey key,
            Role role,
            boolean acceptorSubkey,
            long sendSequence,
            long receiveSequence,
            RandomSource random)
            throws KerberosCryptoException {
        this.cipher = key.cipher();
        this.key = key.value();
        this.role = role;
        this.acceptorSubkey = acceptorSubkey;
        this.sendSequence = sendSequence;
        this.receiveSequence = receiveSequence;
        this.random = random;
        this.rrc = HEADER + cipher.checksumLength();
    }

    @Override
    public int verifierLength() {
        return receivedVerifierLength(EC, rrc);
    }

    /** The auth_length that a token with this EC and RRC implies: header, confounder, RRC + EC. */
    static int receivedVerifierLength(int ec, int rrc) {
        return HEADER + KerberosCipher.CONFOUNDER_LENGTH + rrc + ec;
    }

    @Override
    public void seal(byte[] pdu, int stubOffset, int length) throws RpcSecurityException {
        checkLayout(pdu, stubOffset, length);
        byte[] header = header(flags(role == Role.ACCEPTOR), 0, sendSequence);
        byte[] plaintext = new byte[length + EC + HEADER];
        System.arraycopy(pdu, stubOffset, plaintext, 0, length);
        Arrays.fill(plaintext, length, length + EC, (byte) 0xFF);
        System.arraycopy(header, 0, plaintext, length + EC, HEADER);
        byte[] rotated;
        try {
            rotated = rotateRight(cipher.encrypt(key, sealUsage(), plaintext, random), rrc + EC);
        } catch (KerberosCryptoException e) {
            throw new RpcSecurityException("wrap: " + e.getMessage(), e);
        }
        int verifier = pdu.length - verifierLength();
        header[6] = (byte) (rrc >>> 8);
        header[7] = (byte) rrc;
        System.arraycopy(header, 0, pdu, verifier, HEADER);
        int inVerifier = rotated.length - length;
        System.arraycopy(rotated, 0, pdu, verifier + HEADER, inVerifier);
        System.arraycopy(rotated, inVerifier, pdu, stubOffset, length);
        sendSequence++;
    }

    /**
     * Unseals a token with the EC the sender chose: the verifier is {@code [stubOffset + length + 8,
     * pdu.length)}, whatever its length, which must match the header's EC and RRC.
     */
    @Override
    public void unseal(byte[] pdu, int stubOffset, int length) throws RpcSecurityException {
        int verifier = checkReceivedLayout(pdu, stubOffset, length);
        int authLength = pdu.length - verifier;
        byte[] header = Arrays.copyOfRange(pdu, verifier, verifier + HEADER);
        int ec = checkHeader(header);
        int expectedLength = receivedVerifierLength(ec, rrc);
        if (authLength != expectedLength) {
            throw new RpcSecurityException("wrap token auth_length (expected: " + expectedLength + " for EC " + ec
                    + " and RRC " + rrc + ", actual: " + authLength + ")");
        }
        int inVerifier = authLength - HEADER;
        byte[] rotated = new byte[inVerifier + length];
        System.arraycopy(pdu, verifier + HEADER, rotated, 0, inVerifier);
        System.arraycopy(pdu, stubOffset, rotated, inVerifier, length);
        byte[] plaintext;
        try {
            plaintext = cipher.decrypt(key, unsealUsage(), rotateLeft(rotated, rrc + ec));
        } catch (KerberosCryptoException e) {
            throw new RpcSecurityException("wrap token: " + e.getMessage(), e);
        }
        if (plaintext.length != length + ec + HEADER) {
            throw new RpcSecurityException("wrap token plaintext length (expected: " + (length + ec + HEADER)
                    + ", actual: " + plaintext.length + ")");
        }
        // RFC 4121 §4.2.4: the copy is the header with RRC 0, so its EC must be the outer EC.
        byte[] inner = Arrays.copyOfRange(plaintext, length + ec, plaintext.length);
        byte[] expectedInner = header.clone();
        expectedInner[6] = 0;
        expectedInner[7] = 0;
        if (!Arrays.equals(inner, expectedInner)) {
            throw new RpcSecurityException("wrap token encrypted header copy (expected: "
                    + HexFormat.of().formatHex(expectedInner) + ", actual: "
                    + HexFormat.of().formatHex(inner) + ")");
        }
        long sequence = ByteBuffer.wrap(header, 8, 8).getLong();
        if (sequence != receiveSequence) {
            throw new RpcSecurityException(
                    "wrap token SND_SEQ (expected: " + receiveSequence + ", actual: " + sequence + ")");
        }
        System.arraycopy(plaintext, 0, pdu, stubOffset, length);
        receiveSequence++;
    }

    long sendSequence() {
        return sendSequence;
    }

    long receiveSequence() {
        return receiveSequence;
    }

    /** Checks TOK_ID, flags, filler and RRC; returns the sender's EC. */
    private int checkHeader(byte[] header) throws RpcSecurityException {
        int tokId = ((header[0] & 0xFF) << 8) | (header[1] & 0xFF);
        if (tokId != 0x0504) {
            throw new RpcSecurityException(
                    String.format("wrap token TOK_ID (expected: 0x0504, actual: 0x%04x)", tokId));
        }
        int expectedFlags = flags(role == Role.INITIATOR);
        if ((header[2] & 0xFF) != expectedFlags) {
            throw new RpcSecurityException(String.format(
                    "wrap token flags (expected: 0x%02x, actual: 0x%02x)", expectedFlags, header[2] & 0xFF));
        }
        if ((header[3] & 0xFF) != 0xFF) {
            throw new RpcSecurityException(
                    String.format("wrap token filler (expected: 0xff, actual: 0x%02x)", header[3] & 0xFF));
        }
        int actualRrc = ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
        if (actualRrc != rrc) {
            throw new RpcSecurityException("wrap token RRC (expected: " + rrc + ", actual: " + actualRrc + ")");
        }
        return ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
    }

    private void checkLayout(byte[] pdu, int stubOffset, int length) throws RpcSecurityException {
        long expected = (long) stubOffset + length + SEC_TRAILER + verifierLength();
        if (stubOffset < 0 || length < 0 || pdu.length != expected) {
            throw new RpcSecurityException("PDU length (expected: stubOffset " + stubOffset + " + length " + length
                    + " + sec_trailer 8 + verifier " + verifierLength() + " = " + expected + ", actual: " + pdu.length
                    + ")");
        }
    }

    /** Where the received verifier starts: right after the sec_trailer, at least 16 octets before the end. */
    private static int checkReceivedLayout(byte[] pdu, int stubOffset, int length) throws RpcSecurityException {
        long verifier = (long) stubOffset + length + SEC_TRAILER;
        if (stubOffset < 0 || length < 0 || verifier + HEADER > pdu.length) {
            throw new RpcSecurityException("PDU length (expected: stubOffset " + stubOffset + " + length " + length
                    + " + sec_trailer 8 + a verifier of at least " + HEADER + " = at least " + (verifier + HEADER)
                    + ", actual: " + pdu.length + ")");
        }
        return (int) verifier;
    }

    private int flags(boolean sentByAcceptor) {
        return TokenFlag.of(sentByAcceptor, true, acceptorSubkey);
    }

    private KeyUsage sealUsage() {
        return role == Role.INITIATOR ? KeyUsage.INITIATOR_SEAL : KeyUsage.ACCEPTOR_SEAL;
    }

    private KeyUsage unsealUsage() {
        return role == Role.INITIATOR ? KeyUsage.ACCEPTOR_SEAL : KeyUsage.INITIATOR_SEAL;
    }

    static byte[] header(int flags, int rrc, long sequence) {
        return header(flags, EC, rrc, sequence);
    }

    static byte[] header(int flags, int ec, int rrc, long sequence) {
        return ByteBuffer.allocate(HEADER)
                .put((byte) 0x05)
                .put((byte) 0x04)
                .put((byte) flags)
                .put((byte) 0xFF)
                .putShort((short) ec)
                .putShort((short) rrc)
                .putLong(sequence)
                .array();
    }

    static byte[] rotateRight(byte[] data, int count) {
        int n = data.length;
        int r = count % n;
        byte[] out = new byte[n];
        System.arraycopy(data, n - r, out, 0, r);
        System.arraycopy(data, 0, out, r, n - r);
        return out;
    }

    static byte[] rotateLeft(byte[] data, int count) {
        return rotateRight(data, data.length - count % data.length);
    }
}
