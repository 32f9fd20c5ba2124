package org.cews.wcce.msnlmp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;

import java.util.Arrays;
import java.util.Objects;

/**
 * [MS-NLMP] 2.2.1.3 AUTHENTICATE_MESSAGE. Whether Version and MIC are present is not flagged
 * anywhere: they are there when the payload starts late enough for them, so the fixed header is
 * 64 bytes, 72 with the Version, or 88 with Version and MIC (the layout Samba accepted,
 * docs/RPC-NTLM.md §1.3). The encoder writes the payload as domain, user, workstation,
 * LmChallengeResponse, NtChallengeResponse, EncryptedRandomSessionKey.
 *
 * @param version null when the header has no room for it
 * @param mic null when the header has no room for it; the 16 bytes at {@link #MIC_OFFSET} else
 */
public record AuthenticateMessage(
        NegotiateFlags flags,
        byte[] lmChallengeResponse,
        byte[] ntChallengeResponse,
        String domain,
        String user,
        String workstation,
        byte[] encryptedRandomSessionKey,
        NtlmVersion version,
        byte[] mic) {

    static final int MESSAGE_TYPE = 3;
    /** Where the MIC lies in a message with an 88-byte header. */
    public static final int MIC_OFFSET = 72;

    private static final int MIC_LENGTH = 16;
    private static final String NAME = "AUTHENTICATE_MESSAGE";

    public AuthenticateMessage {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(workstation, "workstation");
        lmChallengeResponse = lmChallengeResponse.clone();
        ntChallengeResponse = ntChallengeResponse.clone();
        encryptedRandomSessionKey = encryptedRandomSessionKey.clone();
        if (mic != null && mic.length != MIC_LENGTH) {
            throw new IllegalArgumentException("the MIC is 16 bytes (actual: " + mic.length + ")");
        }
        mic = mic == null ? null : mic.clone();
    }

    @Override
    public byte[] lmChallengeResponse() {
        return lmChallengeResponse.clone();
    }

    @Override
    public byte[] ntChallengeResponse() {
        return ntChallengeResponse.clone();
    }

    @Override
    public byte[] encryptedRandomSessionKey() {
        return encryptedRandomSessionKey.clone();
    }

    @Override
    public byte[] mic() {
        return mic == null ? null : mic.clone();
    }

    public byte[] encode() {
        int header = mic != null ? MIC_OFFSET + MIC_LENGTH : version != null ? MIC_OFFSET : 64;
        boolean unicode = flags.has(NegotiateFlag.UNICODE);
        MessageWriter w = new MessageWriter(MESSAGE_TYPE, header)
                .field(28, text(domain, unicode))
                .field(36, text(user, unicode))
                .field(44, text(workstation, unicode))
                .field(12, lmChallengeResponse)
                .field(20, ntChallengeResponse)
                .field(52, encryptedRandomSessionKey)
                .u32(60, flags.value());
        if (version != null) {
            w.bytes(64, version.toBytes());
        }
        if (mic != null) {
            w.bytes(MIC_OFFSET, mic);
        }
        return w.toByteArray();
    }

    public static AuthenticateMessage decode(byte[] b) throws MalformedNtlmMessageException {
        MessageReader r = new MessageReader(b, NAME, MESSAGE_TYPE, 64);
        NegotiateFlags flags = new NegotiateFlags(r.u32(60));
        boolean unicode = flags.has(NegotiateFlag.UNICODE);
        MessageReader.PayloadField lm = r.field(12, "LmChallengeResponse", 64);
        MessageReader.PayloadField nt = r.field(20, "NtChallengeResponse", 64);
        MessageReader.PayloadField domain = r.field(28, "DomainName", 64);
        MessageReader.PayloadField user = r.field(36, "UserName", 64);
        MessageReader.PayloadField workstation = r.field(44, "Workstation", 64);
        MessageReader.PayloadField key = r.field(52, "EncryptedRandomSessionKey", 64);
        int payloadStart = Arrays.asList(lm, nt, domain, user, workstation, key).stream()
                .filter(f -> f.length() > 0)
                .mapToInt(MessageReader.PayloadField::offset)
                .min()
                .orElse(b.length);
        return new AuthenticateMessage(
                flags,
                r.bytes(lm),
                r.bytes(nt),
                r.string(domain, "DomainName", unicode),
                r.string(user, "UserName", unicode),
                r.string(workstation, "Workstation", unicode),
                r.bytes(key),
                payloadStart >= MIC_OFFSET ? NtlmVersion.read(b, 64) : null,
                payloadStart >= MIC_OFFSET + MIC_LENGTH ? r.bytes(MIC_OFFSET, MIC_LENGTH) : null);
    }

    /** A copy of an encoded message with its MIC field zeroed, as the MIC computation needs it (3.1.5.1.2). */
    static byte[] withZeroMic(byte[] encoded) {
        byte[] copy = encoded.clone();
        Arrays.fill(copy, MIC_OFFSET, MIC_OFFSET + MIC_LENGTH, (byte) 0);
        return copy;
    }

    private static byte[] text(String s, boolean unicode) {
        return s.getBytes(unicode ? UTF_16LE : ISO_8859_1);
    }
}
