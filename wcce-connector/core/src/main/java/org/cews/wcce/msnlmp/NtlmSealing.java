package org.cews.wcce.msnlmp;

import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import org.cews.wcce.msrpce.RpcSecurityException;

/**
 * Session security for one direction of a connection-oriented context with extended session
 * security ([MS-NLMP] 3.4.3 SEAL, 3.4.4.2 MAC): one RC4 handle keyed once and never reset, and a
 * sequence number from 0. Sealing computes the HMAC over the plaintext, encrypts the data, then
 * (with KEY_EXCH) encrypts the 8 checksum bytes on the same keystream; unsealing does the reverse.
 * The signature is NTLMSSP_MESSAGE_SIGNATURE (2.2.2.9.2): 01000000 ‖ checksum(8) ‖ SeqNum.
 *
 * <p>A signature with the wrong version or sequence number is refused before any keystream is used,
 * so the direction stays usable (3.4.4: "SeqNum is not incremented"). A checksum mismatch has
 * consumed keystream that the peer did not, so the direction refuses everything after it.
 */
final class NtlmSealing {

    static final int SIGNATURE_LENGTH = 16;

    private final Mac mac;
    private final Cipher rc4;
    private final boolean keyExchange;
    private long seqNum;
    private boolean broken;

    NtlmSealing(byte[] signingKey, byte[] sealingKey, boolean keyExchange) {
        this.mac = NtlmCrypto.hmacMd5(signingKey);
        this.rc4 = NtlmCrypto.rc4(sealingKey);
        this.keyExchange = keyExchange;
    }

    /**
     * Encrypts {@code buf[encOffset, encOffset + encLength)} in place and returns the signature
     * over the plaintext of {@code buf[0, macEnd)}.
     */
    byte[] seal(byte[] buf, int macEnd, int encOffset, int encLength) throws RpcSecurityException {
        if (seqNum > 0xFFFFFFFFL) {
            throw new RpcSecurityException("NTLM sequence numbers exhausted (expected: at most 4294967295 messages)");
        }
        int seq = (int) seqNum;
        byte[] checksum = checksum(seq, buf, macEnd);
        crypt(buf, encOffset, encLength);
        if (keyExchange) {
            checksum = rc4.update(checksum);
        }
        seqNum++;
        byte[] signature = new byte[SIGNATURE_LENGTH];
        LittleEndian.putU32(signature, 0, 1);
        System.arraycopy(checksum, 0, signature, 4, 8);
        LittleEndian.putU32(signature, 12, seq);
        return signature;
    }

    /**
     * Checks the signature at {@code sig[sigOffset, +16)}, decrypting {@code buf[encOffset, +encLength)}
     * in place, the HMAC covering the decrypted {@code buf[0, macEnd)}.
     */
    void unseal(byte[] buf, int macEnd, int encOffset, int encLength, byte[] sig, int sigOffset)
            throws RpcSecurityException {
        if (broken) {
            throw new RpcSecurityException("NTLM receive direction unusable after an earlier checksum mismatch");
        }
        int version = LittleEndian.u32(sig, sigOffset);
        if (version != 1) {
            throw new RpcSecurityException(
                    "NTLM signature version (expected: 1, actual: " + Integer.toUnsignedString(version) + ")");
        }
        long seq = LittleEndian.u32(sig, sigOffset + 12) & 0xFFFFFFFFL;
        if (seq != seqNum) {
            throw new RpcSecurityException("NTLM sequence number (expected: " + seqNum + ", actual: " + seq + ")");
        }
        crypt(buf, encOffset, encLength);
        byte[] received = Arrays.copyOfRange(sig, sigOffset + 4, sigOffset + 12);
        if (keyExchange) {
            received = rc4.update(received);
        }
        if (!NtlmCrypto.same(received, checksum((int) seq, buf, macEnd))) {
            broken = true;
            throw new RpcSecurityException("NTLM checksum mismatch (sequence number " + seq + ")");
        }
        seqNum++;
    }

    /** RC4(Handle, data) in place; RC4 output is as long as its input, so the buffer always fits. */
    private void crypt(byte[] buf, int offset, int length) {
        try {
            rc4.update(buf, offset, length, buf, offset);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("RC4 in place cannot run short", e);
        }
    }

    /** HMAC_MD5(SigningKey, SeqNum ‖ Message)[0..7]. */
    private byte[] checksum(int seq, byte[] buf, int macEnd) {
        byte[] seqBytes = new byte[4];
        LittleEndian.putU32(seqBytes, 0, seq);
        mac.update(seqBytes);
        mac.update(buf, 0, macEnd);
        return Arrays.copyOf(mac.doFinal(), 8);
    }
}
