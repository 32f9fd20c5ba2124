package org.cews.wcce.msrpce;

import java.util.List;
import java.util.Optional;

/**
 * bind_nak (PTYPE 13, C706 12.6.4.5; [MS-RPCE] 2.2.2.9): the server refuses the bind.
 *
 * <pre>
 *   provider_reject_reason u16, n_protocols u8, {major u8, minor u8}[n_protocols]
 * </pre>
 *
 * The optional Signature and extended error information that may follow are ignored on read and not
 * written ([MS-RPCE] 2.2.2.9 lets clients ignore them).
 */
public record BindNakPdu(int callId, PfcFlags flags, BindNakReason reason, List<Version> versions) implements Pdu {

    /** The protocol versions a server supports: 5.0. */
    public static final List<Version> V5_0 = List.of(new Version(5, 0));

    public BindNakPdu {
        versions = List.copyOf(versions);
    }

    /** One element of p_rt_versions_supported_t. */
    public record Version(int major, int minor) {}

    @Override
    public PacketType type() {
        return PacketType.BIND_NAK;
    }

    @Override
    public Optional<AuthVerifier> auth() {
        return Optional.empty();
    }
}
