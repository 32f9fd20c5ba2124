package org.cews.wcce.msrpce;

/**
 * Writes a {@link Pdu} as one fragment on the wire (C706 12.6): common header with the computed
 * frag_length and auth_length, body, then (if any) auth pad, sec_trailer and auth_value
 * ([MS-RPCE] 2.2.2.11). Stateless; strict on write: PFC_OBJECT_UUID follows the request's object.
 */
public final class PduEncoder {

    private PduEncoder() {}

    public static byte[] encode(Pdu pdu) {
        WireWriter w = new WireWriter(128);
        w.zeros(CommonHeader.LENGTH);
        PfcFlags flags = pdu.flags();
        if (pdu instanceof BindPdu p) {
            BindBodyCodec.writeBind(w, p.maxXmitFrag(), p.maxRecvFrag(), p.assocGroupId(), p.contexts());
        } else if (pdu instanceof AlterContextPdu p) {
            BindBodyCodec.writeBind(w, p.maxXmitFrag(), p.maxRecvFrag(), p.assocGroupId(), p.contexts());
        } else if (pdu instanceof BindAckPdu p) {
            BindBodyCodec.writeAck(
                    w, p.maxXmitFrag(), p.maxRecvFrag(), p.assocGroupId(), p.secondaryAddress(), p.results());
        } else if (pdu instanceof AlterContextRespPdu p) {
            BindBodyCodec.writeAck(
                    w, p.maxXmitFrag(), p.maxRecvFrag(), p.assocGroupId(), p.secondaryAddress(), p.results());
        } else if (pdu instanceof BindNakPdu p) {
            w.u16(p.reason().code()).u8(p.versions().size());
            p.versions().forEach(v -> w.u8(v.major()).u8(v.minor()));
        } else if (pdu instanceof Auth3Pdu) {
            w.zeros(4);
        } else if (pdu instanceof RequestPdu p) {
            w.u32(p.allocHint()).u16(p.contextId()).u16(p.opnum());
            p.object().ifPresent(w::uuid);
            w.bytes(p.stub());
            flags = p.object().isPresent() ? flags.with(PfcFlag.OBJECT_UUID) : flags.without(PfcFlag.OBJECT_UUID);
        } else if (pdu instanceof ResponsePdu p) {
            w.u32(p.allocHint()).u16(p.contextId()).u8(p.cancelCount()).u8(0).bytes(p.stub());
        } else if (pdu instanceof FaultPdu p) {
            w.u32(p.allocHint()).u16(p.contextId()).u8(p.cancelCount()).u8(0);
            w.u32(p.status().code()).u32(0);
        }
        int authLength = 0;
        if (pdu.auth().isPresent()) {
            AuthVerifier a = pdu.auth().get();
            w.bytes(a.pad());
            a.trailer().encode(w);
            w.bytes(a.value());
            authLength = a.value().length;
        }
        if (w.size() > 0xFFFF) {
            throw new IllegalArgumentException("frag_length (expected: at most 65535, actual: " + w.size() + ")");
        }
        byte[] out = w.toByteArray();
        new CommonHeader(pdu.type(), flags, out.length, authLength, pdu.callId()).encodeInto(out);
        return out;
    }
}
