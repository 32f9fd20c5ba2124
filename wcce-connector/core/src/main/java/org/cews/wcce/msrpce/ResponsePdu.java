package org.cews.wcce.msrpce;

import java.util.Optional;

/**
 * response (PTYPE 2, C706 12.6.4.10): one fragment of a call's result.
 *
 * <pre>
 *   alloc_hint u32, p_cont_id u16, cancel_count u8, reserved u8, stub
 * </pre>
 *
 * {@code stub} is as on the wire (protected when there is a sec_trailer), without the auth pad.
 */
public record ResponsePdu(
        int callId,
        PfcFlags flags,
        int allocHint,
        int contextId,
        int cancelCount,
        byte[] stub,
        Optional<AuthVerifier> auth)
        implements Pdu {

    /** Common header plus alloc_hint, p_cont_id, cancel_count, reserved. */
    public static final int HEADER_LENGTH = CommonHeader.LENGTH + 8;

    @Override
    public PacketType type() {
        return PacketType.RESPONSE;
    }
}
