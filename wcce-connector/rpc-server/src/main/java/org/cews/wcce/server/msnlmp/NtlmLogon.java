package org.cews.wcce.server.msnlmp;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.cews.wcce.msnlmp.AuthenticateMessage;
import org.cews.wcce.msnlmp.AvId;
import org.cews.wcce.msnlmp.AvPair;
import org.cews.wcce.msnlmp.ChallengeMessage;
import org.cews.wcce.msnlmp.FileTime;
import org.cews.wcce.msnlmp.MalformedNtlmMessageException;
import org.cews.wcce.msnlmp.NegotiateFlag;
import org.cews.wcce.msnlmp.NtlmCrypto;
import org.cews.wcce.msnlmp.NtlmV2;
import org.cews.wcce.msnlmp.NtlmV2Response;
import org.cews.wcce.msnlmp.SessionKeys;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * The server's check of an AUTHENTICATE_MESSAGE ([MS-NLMP] 3.2.5.1.2, NTLMv2 only): recompute the
 * NTProofStr from the account's NT hash (with the client's domain, then with an empty one, as the
 * spec allows), recover the ExportedSessionKey, check the MIC when MsvAvFlags claims one, and
 * derive the session keys. Every refusal reads {@code logon failed for DOMAIN\\user: <reason>};
 * the reasons name no key material.
 */
final class NtlmLogon {

    /** MaxLifetime of 3.1.1.1: 36 hours since Windows XP (product behavior note 39). */
    static final Duration MAX_LIFETIME = Duration.ofHours(36);

    private static final int MIC_PRESENT = 0x2;
    /** Stands in for an unknown account's hash, so that an unknown name costs the same work. */
    private static final byte[] NO_ACCOUNT = new byte[16];

    record Result(RpcPrincipal principal, SessionKeys keys) {}

    private NtlmLogon() {}

    static Result verify(
            byte[] negotiate,
            byte[] challengeBytes,
            ChallengeMessage challenge,
            byte[] authenticateBytes,
            NtlmCredentialLookup accounts,
            Instant now)
            throws RpcSecurityException {
        AuthenticateMessage auth;
        try {
            auth = AuthenticateMessage.decode(authenticateBytes);
        } catch (MalformedNtlmMessageException e) {
            throw new RpcSecurityException("malformed AUTHENTICATE_MESSAGE: " + e.getMessage(), e);
        }
        if (auth.user().isEmpty()) {
            throw failed("anonymous", "anonymous logon is not accepted");
        }
        String who = auth.domain() + "\\" + auth.user();
        byte[] nt = auth.ntChallengeResponse();
        Optional<String> lack = auth.flags().lackForPrivacy("AUTHENTICATE_MESSAGE");
        if (lack.isPresent()) {
            throw failed(who, lack.get());
        }
        if (nt.length <= 24) {
            throw failed(
                    who,
                    "NTLMv1 is not accepted (expected: NtChallengeResponse longer than 24 bytes, actual: " + nt.length
                            + ")");
        }
        NtlmV2Response response;
        try {
            response = NtlmV2Response.decode(nt);
        } catch (MalformedNtlmMessageException e) {
            throw failed(who, "malformed NTLMv2_RESPONSE: " + e.getMessage());
        }
        Instant clientTime = FileTime.toInstant(response.timestamp());
        if (Duration.between(clientTime, now).abs().compareTo(MAX_LIFETIME) > 0) {
            throw failed(
                    who,
                    "response time (expected: within " + MAX_LIFETIME.toHours() + " hours of " + now + ", actual: "
                            + clientTime + ")");
        }
        Optional<byte[]> hash = accounts.ntHash(auth.user(), auth.domain());
        byte[] sessionBaseKey = sessionBaseKey(hash.orElse(NO_ACCOUNT), auth, challenge, response);
        if (hash.isEmpty()) {
            throw failed(who, "no such account");
        }
        if (sessionBaseKey == null) {
            throw failed(who, "wrong password (NTProofStr mismatch)");
        }
        byte[] exportedSessionKey = sessionBaseKey;
        if (challenge.flags().has(NegotiateFlag.KEY_EXCH)) {
            byte[] encrypted = auth.encryptedRandomSessionKey();
            if (encrypted.length != 16) {
                throw failed(who, "EncryptedRandomSessionKey length (expected: 16, actual: " + encrypted.length + ")");
            }
            exportedSessionKey = NtlmV2.rc4k(sessionBaseKey, encrypted);
        }
        if (claimsMic(who, response)) {
            if (auth.mic() == null) {
                throw failed(who, "MsvAvFlags claims a MIC but the message has no MIC field");
            }
            byte[] expected = NtlmV2.mic(exportedSessionKey, negotiate, challengeBytes, authenticateBytes);
            if (!NtlmCrypto.same(expected, auth.mic())) {
                throw failed(who, "MIC mismatch");
            }
        }
        SessionKeys keys = SessionKeys.derive(exportedSessionKey, challenge.flags());
        Arrays.fill(sessionBaseKey, (byte) 0);
        Arrays.fill(exportedSessionKey, (byte) 0);
        return new Result(new RpcPrincipal(auth.user(), auth.domain()), keys);
    }

    /** The SessionBaseKey if the NTProofStr matches with the client's domain or with none; else null. */
    private static byte[] sessionBaseKey(
            byte[] ntHash, AuthenticateMessage auth, ChallengeMessage challenge, NtlmV2Response response) {
        for (String domain : auth.domain().isEmpty() ? new String[] {""} : new String[] {auth.domain(), ""}) {
            byte[] ntowf = NtlmV2.ntowfV2(ntHash, auth.user(), domain);
            byte[] proof = NtlmV2.ntProofStr(ntowf, challenge.serverChallenge(), response.temp());
            if (NtlmCrypto.same(proof, response.ntProofStr())) {
                return NtlmV2.sessionBaseKey(ntowf, proof);
            }
        }
        return null;
    }

    private static boolean claimsMic(String who, NtlmV2Response response) throws RpcSecurityException {
        Optional<AvPair> flags = response.avPairs().find(AvId.FLAGS);
        try {
            return flags.isPresent() && (flags.get().u32Value() & MIC_PRESENT) != 0;
        } catch (MalformedNtlmMessageException e) {
            throw failed(who, "malformed MsvAvFlags: " + e.getMessage());
        }
    }

    private static RpcSecurityException failed(String who, String reason) {
        return new RpcSecurityException("logon failed for " + who + ": " + reason);
    }
}
