package org.cews.wcce.msrpce;

import java.util.Optional;

/**
 * fault (PTYPE 3, C706 12.6.4.7; [MS-RPCE] 2.2.2.8): a call (or an alter_context) failed.
 *
 * <pre>
 *   alloc_hint u32, p_cont_id u16, cancel_count u8, reserved u8, status u32, reserved2 u32
 * </pre>
 *
 * Stub data after reserved2 is ignored on read and never written ([MS-RPCE] 2.2.2.8).
 */
public record FaultPdu(
        int callId,
        PfcFlags flags,
        int allocHint,
        int contextId,
        int cancelCount,
        FaultStatus status,
        Optional<AuthVerifier> auth)
        implements Pdu {

    /** Common header plus the 16 bytes above. */
    public static final int HEADER_LENGTH = CommonHeader.LENGTH + 16;

    /** An unauthenticated, unfragmented fault for {@code callId}. */
    public static FaultPdu of(int callId, int contextId, FaultStatus status) {
        return new FaultPdu(callId, PfcFlags.FIRST_AND_LAST, 0, contextId, 0, status, Optional.empty());
    }

    @Override
    public PacketType type() {
        return PacketType.FAULT;
    }
}
