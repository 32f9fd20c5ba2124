package org.cews.wcce.msnlmp;

import java.util.Arrays;

/**
 * [MS-NLMP] 2.2.2.8 NTLMv2_RESPONSE: the 16-byte NTProofStr followed by the
 * NTLMv2_CLIENT_CHALLENGE (2.2.2.7), which is the "temp" of 3.3.2. The server recomputes the
 * NTProofStr over exactly the temp bytes the client sent, so they are kept as received.
 *
 * @param timestamp the FILETIME in the client challenge
 */
public record NtlmV2Response(
        byte[] ntProofStr, long timestamp, byte[] clientChallenge, TargetInfo avPairs, byte[] temp) {

    /** NTProofStr, then RespType, HiRespType, Z(6), TimeStamp, ChallengeFromClient, Z(4). */
    private static final int FIXED = 16 + 28;

    public NtlmV2Response {
        ntProofStr = ntProofStr.clone();
        clientChallenge = clientChallenge.clone();
        temp = temp.clone();
    }

    @Override
    public byte[] ntProofStr() {
        return ntProofStr.clone();
    }

    @Override
    public byte[] clientChallenge() {
        return clientChallenge.clone();
    }

    @Override
    public byte[] temp() {
        return temp.clone();
    }

    public static NtlmV2Response decode(byte[] b) throws MalformedNtlmMessageException {
        if (b.length < FIXED) {
            throw new MalformedNtlmMessageException(
                    "NTLMv2_RESPONSE length (expected: at least " + FIXED + ", actual: " + b.length + ")");
        }
        if (b[16] != 1) {
            throw new MalformedNtlmMessageException(
                    "NTLMv2_CLIENT_CHALLENGE RespType (expected: 1, actual: " + (b[16] & 0xFF) + ")");
        }
        TargetInfo avPairs = TargetInfo.decode(b, FIXED, b.length - FIXED);
        return new NtlmV2Response(
                Arrays.copyOfRange(b, 0, 16),
                LittleEndian.u64(b, 24),
                Arrays.copyOfRange(b, 32, 40),
                avPairs,
                Arrays.copyOfRange(b, 16, b.length));
    }
}
