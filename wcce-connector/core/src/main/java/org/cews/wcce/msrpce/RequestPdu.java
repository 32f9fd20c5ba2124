package org.cews.wcce.msrpce;

import java.util.Optional;
import java.util.UUID;

/**
 * request (PTYPE 0, C706 12.6.4.9): one fragment of a call.
 *
 * <pre>
 *   alloc_hint u32, p_cont_id u16, opnum u16, object UUID (16, only with PFC_OBJECT_UUID), stub
 * </pre>
 *
 * {@code stub} is this fragment's stub data as on the wire: protected (encrypted) if the PDU has a
 * sec_trailer, and without the auth pad, which {@link AuthVerifier#pad()} holds. The encoder sets or
 * clears PFC_OBJECT_UUID from {@code object}.
 */
public record RequestPdu(
        int callId,
        PfcFlags flags,
        int allocHint,
        int contextId,
        int opnum,
        Optional<UUID> object,
        byte[] stub,
        Optional<AuthVerifier> auth)
        implements Pdu {

    /** The request header without object UUID: alloc_hint, p_cont_id, opnum. */
    public static final int HEADER_LENGTH = CommonHeader.LENGTH + 8;

    @Override
    public PacketType type() {
        return PacketType.REQUEST;
    }

    /** Where the stub starts in the PDU: 24, or 40 with an object UUID. */
    public int stubOffset() {
        return HEADER_LENGTH + (object.isPresent() ? 16 : 0);
    }
}
