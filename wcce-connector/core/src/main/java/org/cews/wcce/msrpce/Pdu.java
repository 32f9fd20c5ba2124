package org.cews.wcce.msrpce;

import java.util.Optional;

/**
 * A connection-oriented PDU (C706 12.6.4; [MS-RPCE] 2.2.2) as {@link PduDecoder} returns it and
 * {@link PduEncoder} writes it. frag_length and auth_length are not stored: the encoder computes them.
 */
public sealed interface Pdu
        permits BindPdu,
                AlterContextPdu,
                BindAckPdu,
                AlterContextRespPdu,
                BindNakPdu,
                Auth3Pdu,
                RequestPdu,
                ResponsePdu,
                FaultPdu {

    PacketType type();

    /** call_id, a u32 kept in an {@code int}. */
    int callId();

    PfcFlags flags();

    /** The auth pad, sec_trailer and auth_value, when auth_length is nonzero. */
    Optional<AuthVerifier> auth();
}
