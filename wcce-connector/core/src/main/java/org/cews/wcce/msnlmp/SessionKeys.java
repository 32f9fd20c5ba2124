package org.cews.wcce.msnlmp;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;

/**
 * The four session-security keys of one context, from the ExportedSessionKey and the negotiated
 * flags ([MS-NLMP] 3.4.5.2 SIGNKEY, 3.4.5.3 SEALKEY, with extended session security). The magic
 * constants include their trailing NUL. Sign keys always use the whole key; seal keys use 16, 7
 * or 5 bytes of it for 128-bit, 56-bit or 40-bit sealing. With KEY_EXCH the checksum of every
 * signature is also RC4-encrypted (3.4.4.2).
 */
public record SessionKeys(
        byte[] clientSigningKey,
        byte[] clientSealingKey,
        byte[] serverSigningKey,
        byte[] serverSealingKey,
        boolean keyExchange) {

    private static final byte[] CLIENT_SIGN = magic("session key to client-to-server signing key magic constant");
    private static final byte[] CLIENT_SEAL = magic("session key to client-to-server sealing key magic constant");
    private static final byte[] SERVER_SIGN = magic("session key to server-to-client signing key magic constant");
    private static final byte[] SERVER_SEAL = magic("session key to server-to-client sealing key magic constant");

    public SessionKeys {
        clientSigningKey = clientSigningKey.clone();
        clientSealingKey = clientSealingKey.clone();
        serverSigningKey = serverSigningKey.clone();
        serverSealingKey = serverSealingKey.clone();
    }

    /** Derives the keys; {@code flags} are the negotiated ones and must have EXTENDED_SESSIONSECURITY. */
    public static SessionKeys derive(byte[] exportedSessionKey, NegotiateFlags flags) {
        if (!flags.has(NegotiateFlag.EXTENDED_SESSIONSECURITY)) {
            throw new IllegalArgumentException("only extended session security is implemented (flags: " + flags + ")");
        }
        int sealLength = flags.has(NegotiateFlag.NEGOTIATE_128) ? 16 : flags.has(NegotiateFlag.NEGOTIATE_56) ? 7 : 5;
        byte[] sealBase = Arrays.copyOf(exportedSessionKey, sealLength);
        return new SessionKeys(
                NtlmCrypto.md5(exportedSessionKey, CLIENT_SIGN),
                NtlmCrypto.md5(sealBase, CLIENT_SEAL),
                NtlmCrypto.md5(exportedSessionKey, SERVER_SIGN),
                NtlmCrypto.md5(sealBase, SERVER_SEAL),
                flags.has(NegotiateFlag.KEY_EXCH));
    }

    @Override
    public byte[] clientSigningKey() {
        return clientSigningKey.clone();
    }

    @Override
    public byte[] clientSealingKey() {
        return clientSealingKey.clone();
    }

    @Override
    public byte[] serverSigningKey() {
        return serverSigningKey.clone();
    }

    @Override
    public byte[] serverSealingKey() {
        return serverSealingKey.clone();
    }

    @Override
    public String toString() {
        return "SessionKeys[keyExchange=" + keyExchange + ", keys redacted]";
    }

    private static byte[] magic(String constant) {
        return (constant + '\0').getBytes(US_ASCII);
    }
}
