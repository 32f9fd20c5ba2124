package org.cews.wcce.msnlmp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;

import java.util.Objects;

/**
 * [MS-NLMP] 2.2.1.2 CHALLENGE_MESSAGE: the server's choice of flags, its 8-byte ServerChallenge,
 * the TargetName (in the negotiated character set) and the TargetInfo AV_PAIRs (always UTF-16LE).
 * The fixed header is 56 bytes with the VERSION flag, else 48. TargetInfo is read only when the
 * TARGET_INFO flag is set, as the spec says to ignore the field otherwise.
 */
public record ChallengeMessage(
        NegotiateFlags flags, String targetName, byte[] serverChallenge, TargetInfo targetInfo, NtlmVersion version) {

    static final int MESSAGE_TYPE = 2;
    private static final String NAME = "CHALLENGE_MESSAGE";

    public ChallengeMessage {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(targetInfo, "targetInfo");
        if (serverChallenge.length != 8) {
            throw new IllegalArgumentException("ServerChallenge is 8 bytes (actual: " + serverChallenge.length + ")");
        }
        serverChallenge = serverChallenge.clone();
    }

    @Override
    public byte[] serverChallenge() {
        return serverChallenge.clone();
    }

    public byte[] encode() {
        boolean withVersion = flags.has(NegotiateFlag.VERSION);
        boolean unicode = flags.has(NegotiateFlag.UNICODE);
        MessageWriter w = new MessageWriter(MESSAGE_TYPE, withVersion ? 56 : 48)
                .field(12, targetName.getBytes(unicode ? UTF_16LE : ISO_8859_1))
                .u32(20, flags.value())
                .bytes(24, serverChallenge)
                .field(40, flags.has(NegotiateFlag.TARGET_INFO) ? targetInfo.encode() : new byte[0]);
        if (withVersion && version != null) {
            w.bytes(48, version.toBytes());
        }
        return w.toByteArray();
    }

    public static ChallengeMessage decode(byte[] b) throws MalformedNtlmMessageException {
        MessageReader r = new MessageReader(b, NAME, MESSAGE_TYPE, 48);
        NegotiateFlags flags = new NegotiateFlags(r.u32(20));
        boolean withVersion = flags.has(NegotiateFlag.VERSION);
        int fixedEnd = withVersion ? 56 : 48;
        r.need(fixedEnd);
        String targetName =
                r.string(r.field(12, "TargetName", fixedEnd), "TargetName", flags.has(NegotiateFlag.UNICODE));
        TargetInfo targetInfo = TargetInfo.EMPTY;
        if (flags.has(NegotiateFlag.TARGET_INFO)) {
            MessageReader.PayloadField f = r.field(40, "TargetInfo", fixedEnd);
            if (f.length() > 0) {
                targetInfo = TargetInfo.decode(b, f.offset(), f.length());
            }
        }
        return new ChallengeMessage(
                flags, targetName, r.bytes(24, 8), targetInfo, withVersion ? NtlmVersion.read(b, 48) : null);
    }
}
