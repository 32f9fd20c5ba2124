package org.cews.wcce.msnlmp;

import static java.nio.charset.StandardCharsets.UTF_16LE;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * The NTLMv2 computations of [MS-NLMP] 3.3.2 and the MIC of 3.1.5.1.2. For NTLMv2 the
 * KeyExchangeKey is the SessionBaseKey (3.4.5.1), so there is no KXKEY here.
 */
public final class NtlmV2 {

    private NtlmV2() {}

    /** The NT hash, MD4(UNICODE(Passwd)) ([MS-NLMP] 3.3.1); the intermediate bytes are wiped. */
    public static byte[] ntHash(char[] password) {
        ByteBuffer encoded = UTF_16LE.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return Md4.digest(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** NTOWFv2 = HMAC_MD5(NT hash, UNICODE(Uppercase(User) + UserDom)). */
    public static byte[] ntowfV2(byte[] ntHash, String user, String domain) {
        return NtlmCrypto.hmacMd5(ntHash, (upperCase(user) + domain).getBytes(UTF_16LE));
    }

    /**
     * Uppercase one character at a time (simple case mapping), so that the length never changes,
     * as Windows uppercases names: "ß" stays "ß" where {@link String#toUpperCase} would give "SS".
     */
    static String upperCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.toUpperCase(cp)));
        return b.toString();
    }

    /**
     * temp = RespType 1, HiRespType 1, Z(6), Time, ClientChallenge, Z(4), ServerName, Z(4), where
     * ServerName is the encoded AV_PAIR list ending in MsvAvEOL.
     */
    public static byte[] temp(long time, byte[] clientChallenge, byte[] avPairs) {
        byte[] t = new byte[28 + avPairs.length + 4];
        t[0] = 1;
        t[1] = 1;
        LittleEndian.putU64(t, 8, time);
        System.arraycopy(clientChallenge, 0, t, 16, 8);
        System.arraycopy(avPairs, 0, t, 28, avPairs.length);
        return t;
    }

    /** NTProofStr = HMAC_MD5(ResponseKeyNT, ServerChallenge ‖ temp). */
    public static byte[] ntProofStr(byte[] ntowfV2, byte[] serverChallenge, byte[] temp) {
        return NtlmCrypto.hmacMd5(ntowfV2, serverChallenge, temp);
    }

    /** LmChallengeResponse = HMAC_MD5(ResponseKeyLM, ServerChallenge ‖ ClientChallenge) ‖ ClientChallenge. */
    public static byte[] lmV2Response(byte[] ntowfV2, byte[] serverChallenge, byte[] clientChallenge) {
        byte[] mac = NtlmCrypto.hmacMd5(ntowfV2, serverChallenge, clientChallenge);
        byte[] out = Arrays.copyOf(mac, 24);
        System.arraycopy(clientChallenge, 0, out, 16, 8);
        return out;
    }

    /** SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr); also the KeyExchangeKey. */
    public static byte[] sessionBaseKey(byte[] ntowfV2, byte[] ntProofStr) {
        return NtlmCrypto.hmacMd5(ntowfV2, ntProofStr);
    }

    /** RC4K(KeyExchangeKey, key): how the ExportedSessionKey travels, and how it is recovered. */
    public static byte[] rc4k(byte[] keyExchangeKey, byte[] key) {
        return NtlmCrypto.rc4k(keyExchangeKey, key);
    }

    /** MIC = HMAC_MD5(ExportedSessionKey, NEGOTIATE ‖ CHALLENGE ‖ AUTHENTICATE with a zero MIC). */
    public static byte[] mic(byte[] exportedSessionKey, byte[] negotiate, byte[] challenge, byte[] authenticate) {
        return NtlmCrypto.hmacMd5(
                exportedSessionKey, negotiate, challenge, AuthenticateMessage.withZeroMic(authenticate));
    }
}
