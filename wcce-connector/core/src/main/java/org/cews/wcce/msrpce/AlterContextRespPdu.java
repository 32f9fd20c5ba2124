package org.cews.wcce.msrpce;

import java.util.List;
import java.util.Optional;

/**
 * alter_context_resp (PTYPE 15, C706 12.6.4.2): the same body as bind_ack, answering an
 * alter_context; sec_addr is usually empty. A server that finished its security leg sends no token.
 *
 * <pre>
 *   max_xmit_frag u16, max_recv_frag u16, assoc_group_id u32,
 *   sec_addr: length u16 (including the NUL), port_spec[length] (ASCII), pad to 4 from the PDU start,
 *   n_results u8, reserved u8, reserved2 u16, p_result_t[n_results]
 * </pre>
 *
 * {@code secondaryAddress} is the port string without its NUL ([MS-RPCE] 3.3.1.5.5: clients ignore it).
 */
public record AlterContextRespPdu(
        int callId,
        PfcFlags flags,
        int maxXmitFrag,
        int maxRecvFrag,
        int assocGroupId,
        String secondaryAddress,
        List<PresentationResult> results,
        Optional<AuthVerifier> auth)
        implements Pdu {

    public AlterContextRespPdu {
        results = List.copyOf(results);
    }

    @Override
    public PacketType type() {
        return PacketType.ALTER_CONTEXT_RESP;
    }
}
