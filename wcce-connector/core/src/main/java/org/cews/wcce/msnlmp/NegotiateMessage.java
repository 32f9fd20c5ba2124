package org.cews.wcce.msnlmp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * [MS-NLMP] 2.2.1.1 NEGOTIATE_MESSAGE: the client's offer of flags. DomainName and Workstation
 * are OEM strings, present only when OEM_DOMAIN_SUPPLIED / OEM_WORKSTATION_SUPPLIED say so; a
 * client that sets VERSION sends them empty (3.1.5.1.1). The Version field exists only with the
 * VERSION flag: 40 bytes of fixed header then, else 32.
 */
public record NegotiateMessage(NegotiateFlags flags, String domain, String workstation, NtlmVersion version) {

    static final int MESSAGE_TYPE = 1;
    private static final String NAME = "NEGOTIATE_MESSAGE";

    /** The client's NEGOTIATE: no names, the version when {@code flags} has VERSION. */
    public static NegotiateMessage of(NegotiateFlags flags, NtlmVersion version) {
        return new NegotiateMessage(flags, "", "", flags.has(NegotiateFlag.VERSION) ? version : null);
    }

    public byte[] encode() {
        boolean withVersion = flags.has(NegotiateFlag.VERSION);
        MessageWriter w = new MessageWriter(MESSAGE_TYPE, withVersion ? 40 : 32)
                .u32(12, flags.value())
                .field(16, domain.getBytes(ISO_8859_1))
                .field(24, workstation.getBytes(ISO_8859_1));
        if (withVersion && version != null) {
            w.bytes(32, version.toBytes());
        }
        return w.toByteArray();
    }

    public static NegotiateMessage decode(byte[] b) throws MalformedNtlmMessageException {
        MessageReader r = new MessageReader(b, NAME, MESSAGE_TYPE, 32);
        NegotiateFlags flags = new NegotiateFlags(r.u32(12));
        boolean withVersion = flags.has(NegotiateFlag.VERSION);
        int fixedEnd = withVersion ? 40 : 32;
        r.need(fixedEnd);
        String domain = flags.has(NegotiateFlag.OEM_DOMAIN_SUPPLIED)
                ? r.string(r.field(16, "DomainName", fixedEnd), "DomainName", false)
                : "";
        String workstation = flags.has(NegotiateFlag.OEM_WORKSTATION_SUPPLIED)
                ? r.string(r.field(24, "Workstation", fixedEnd), "Workstation", false)
                : "";
        return new NegotiateMessage(flags, domain, workstation, withVersion ? NtlmVersion.read(b, 32) : null);
    }
}
