package org.cews.wcce.msrpce;

import java.util.List;
import java.util.Optional;

/**
 * bind (PTYPE 11, C706 12.6.4.3): the client proposes fragment sizes, an association group and
 * presentation contexts, with the first security token when authenticating ([MS-RPCE] 3.3.1.5.2.1).
 *
 * <pre>
 *   max_xmit_frag u16, max_recv_frag u16, assoc_group_id u32,
 *   n_context_elem u8, reserved u8, reserved2 u16, p_cont_elem_t[n_context_elem]
 * </pre>
 */
public record BindPdu(
        int callId,
        PfcFlags flags,
        int maxXmitFrag,
        int maxRecvFrag,
        int assocGroupId,
        List<PresentationContext> contexts,
        Optional<AuthVerifier> auth)
        implements Pdu {

    public BindPdu {
        contexts = List.copyOf(contexts);
    }

    @Override
    public PacketType type() {
        return PacketType.BIND;
    }
}
