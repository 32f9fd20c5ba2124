package org.cews.wcce.msrpce;

import java.util.List;
import java.util.Optional;

/**
 * bind_ack (PTYPE 12, C706 12.6.4.4): the server's fragment sizes and association group, one result
 * per proposed presentation context, and its security token.
 *
 * <pre>
 *   max_xmit_frag u16, max_recv_frag u16, assoc_group_id u32,
 *   sec_addr: length u16 (including the NUL), port_spec[length] (ASCII), pad to 4 from the PDU start,
 *   n_results u8, reserved u8, reserved2 u16, p_result_t[n_results]
 * </pre>
 *
 * {@code secondaryAddress} is the port string without its NUL ([MS-RPCE] 3.3.1.5.5: clients ignore it).
 */
public record BindAckPdu(
        int callId,
        PfcFlags flags,
        int maxXmitFrag,
        int maxRecvFrag,
        int assocGroupId,
        String secondaryAddress,
        List<PresentationResult> results,
        Optional<AuthVerifier> auth)
        implements Pdu {

    public BindAckPdu {
        results = List.copyOf(results);
    }

    @Override
    public PacketType type() {
        return PacketType.BIND_ACK;
    }
}
