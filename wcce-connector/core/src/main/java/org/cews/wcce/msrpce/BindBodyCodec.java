package org.cews.wcce.msrpce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bodies shared by bind and alter_context (C706 12.6.4.1, 12.6.4.3) and by bind_ack and
 * alter_context_resp (C706 12.6.4.2, 12.6.4.4). Counts are u8, so no list outgrows 255 entries.
 */
final class BindBodyCodec {

    record BindBody(int maxXmitFrag, int maxRecvFrag, int assocGroupId, List<PresentationContext> contexts) {}

    record AckBody(
            int maxXmitFrag,
            int maxRecvFrag,
            int assocGroupId,
            String secondaryAddress,
            List<PresentationResult> results) {}

    private BindBodyCodec() {}

    static void writeBind(WireWriter w, int maxXmit, int maxRecv, int assocGroup, List<PresentationContext> contexts) {
        w.u16(maxXmit).u16(maxRecv).u32(assocGroup);
        w.u8(contexts.size()).u8(0).u16(0);
        for (PresentationContext c : contexts) {
            w.u16(c.contextId()).u8(c.transferSyntaxes().size()).u8(0).syntax(c.abstractSyntax());
            c.transferSyntaxes().forEach(w::syntax);
        }
    }

    static BindBody readBind(WireReader r) throws PduException {
        int maxXmit = r.u16("max_xmit_frag");
        int maxRecv = r.u16("max_recv_frag");
        int assocGroup = r.u32("assoc_group_id");
        int n = r.u8("n_context_elem");
        r.skip(3, "p_cont_list reserved");
        List<PresentationContext> contexts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = r.u16("p_cont_id");
            int nSyntaxes = r.u8("n_transfer_syn");
            r.skip(1, "p_cont_elem reserved");
            SyntaxId abstractSyntax = r.syntax("abstract_syntax");
            if (nSyntaxes == 0) {
                throw PduException.mismatch("n_transfer_syn", "at least 1", 0);
            }
            List<SyntaxId> transfer = new ArrayList<>(nSyntaxes);
            for (int j = 0; j < nSyntaxes; j++) {
                transfer.add(r.syntax("transfer_syntax"));
            }
            contexts.add(new PresentationContext(id, abstractSyntax, transfer));
        }
        return new BindBody(maxXmit, maxRecv, assocGroup, contexts);
    }

    static void writeAck(
            WireWriter w,
            int maxXmit,
            int maxRecv,
            int assocGroup,
            String secondaryAddress,
            List<PresentationResult> results) {
        w.u16(maxXmit).u16(maxRecv).u32(assocGroup);
        if (secondaryAddress.isEmpty()) {
            w.u16(0);
        } else {
            byte[] port = secondaryAddress.getBytes(StandardCharsets.US_ASCII);
            w.u16(port.length + 1).bytes(port).u8(0);
        }
        w.align(4);
        w.u8(results.size()).u8(0).u16(0);
        for (PresentationResult res : results) {
            w.u16(res.result().code()).u16(res.reason().code()).syntax(res.transferSyntax());
        }
    }

    static AckBody readAck(WireReader r) throws PduException {
        int maxXmit = r.u16("max_xmit_frag");
        int maxRecv = r.u16("max_recv_frag");
        int assocGroup = r.u32("assoc_group_id");
        byte[] port = r.bytes(r.u16("sec_addr length"), "sec_addr");
        int end = port.length > 0 && port[port.length - 1] == 0 ? port.length - 1 : port.length;
        String secondaryAddress = new String(Arrays.copyOf(port, end), StandardCharsets.ISO_8859_1);
        r.align(4, "sec_addr pad");
        int n = r.u8("n_results");
        r.skip(3, "p_result_list reserved");
        List<PresentationResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PresentationResult.Result result = new PresentationResult.Result(r.u16("result"));
            PresentationResult.Reason reason = new PresentationResult.Reason(r.u16("reason"));
            results.add(new PresentationResult(result, reason, r.syntax("transfer_syntax")));
        }
        return new AckBody(maxXmit, maxRecv, assocGroup, secondaryAddress, results);
    }
}
