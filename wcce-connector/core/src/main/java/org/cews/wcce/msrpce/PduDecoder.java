package org.cews.wcce.msrpce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decodes one complete fragment (C706 12.6; [MS-RPCE] 2.2.2). Bounded: every read stays inside
 * frag_length, the auth pad must fit the variable part of the body, and any failure is a
 * {@link PduException}. Lenient on read where the spec asks it: bytes after a bind-family body, the
 * auth3 pad contents, fault stub data and bind_nak signatures are ignored.
 */
public final class PduDecoder {

    private PduDecoder() {}

    /** Decodes {@code frame}, which must be exactly one PDU of frag_length bytes. */
    public static Pdu decode(byte[] frame) throws PduException {
        CommonHeader h = CommonHeader.decode(frame);
        if (frame.length != h.fragLength()) {
            throw PduException.mismatch("PDU length", "frag_length " + h.fragLength(), frame.length);
        }
        int trailer = h.trailerOffset();
        Optional<AuthVerifier> auth = Optional.empty();
        int bodyEnd = trailer;
        if (h.authLength() > 0) {
            SecTrailer t = SecTrailer.decode(frame, trailer);
            int room = trailer - CommonHeader.LENGTH - fixedBodyLength(h);
            if (t.padLength() > Math.max(room, 0)) {
                throw PduException.mismatch("auth_pad_length", "at most " + Math.max(room, 0), t.padLength());
            }
            bodyEnd = trailer - t.padLength();
            byte[] pad = Arrays.copyOfRange(frame, bodyEnd, trailer);
            byte[] value = Arrays.copyOfRange(frame, trailer + SecTrailer.LENGTH, h.fragLength());
            auth = Optional.of(new AuthVerifier(t.authType(), t.authLevel(), t.contextId(), pad, value));
        }
        WireReader r = new WireReader(frame, CommonHeader.LENGTH, bodyEnd);
        return switch (h.type().code()) {
            case 0 -> request(h, r, auth);
            case 2 -> new ResponsePdu(
                    h.callId(), h.flags(), r.u32("alloc_hint"), r.u16("p_cont_id"), cancelCount(r), r.rest(), auth);
            case 3 -> fault(h, r, auth);
            case 11, 14 -> bind(h, r, auth);
            case 12, 15 -> bindAck(h, r, auth);
            case 13 -> bindNak(h, r);
            case 16 -> auth3(h, r, auth);
            default -> throw PduException.mismatch(
                    "PTYPE",
                    "request, response, fault, bind, bind_ack, bind_nak, alter_context, "
                            + "alter_context_resp or auth3",
                    h.type());
        };
    }

    /** The body bytes before the variable part, which the auth pad cannot overlap. */
    private static int fixedBodyLength(CommonHeader h) {
        return switch (h.type().code()) {
            case 0 -> 8 + (h.flags().has(PfcFlag.OBJECT_UUID) ? 16 : 0);
            case 2 -> 8;
            case 3 -> 16;
            case 11, 14 -> 12;
            case 12, 15 -> 16;
            case 16 -> 4;
            default -> 0;
        };
    }

    private static int cancelCount(WireReader r) throws PduException {
        int cancelCount = r.u8("cancel_count");
        r.skip(1, "reserved");
        return cancelCount;
    }

    private static RequestPdu request(CommonHeader h, WireReader r, Optional<AuthVerifier> auth) throws PduException {
        int allocHint = r.u32("alloc_hint");
        int contextId = r.u16("p_cont_id");
        int opnum = r.u16("opnum");
        Optional<UUID> object = h.flags().has(PfcFlag.OBJECT_UUID) ? Optional.of(r.uuid("object")) : Optional.empty();
        return new RequestPdu(h.callId(), h.flags(), allocHint, contextId, opnum, object, r.rest(), auth);
    }

    private static FaultPdu fault(CommonHeader h, WireReader r, Optional<AuthVerifier> auth) throws PduException {
        int allocHint = r.u32("alloc_hint");
        int contextId = r.u16("p_cont_id");
        int cancelCount = cancelCount(r);
        FaultStatus status = new FaultStatus(r.u32("status"));
        r.skip(4, "reserved2");
        return new FaultPdu(h.callId(), h.flags(), allocHint, contextId, cancelCount, status, auth);
    }

    private static Pdu bind(CommonHeader h, WireReader r, Optional<AuthVerifier> auth) throws PduException {
        BindBodyCodec.BindBody b = BindBodyCodec.readBind(r);
        return h.type().equals(PacketType.BIND)
                ? new BindPdu(
                        h.callId(), h.flags(), b.maxXmitFrag(), b.maxRecvFrag(), b.assocGroupId(), b.contexts(), auth)
                : new AlterContextPdu(
                        h.callId(), h.flags(), b.maxXmitFrag(), b.maxRecvFrag(), b.assocGroupId(), b.contexts(), auth);
    }

    private static Pdu bindAck(CommonHeader h, WireReader r, Optional<AuthVerifier> auth) throws PduException {
        BindBodyCodec.AckBody b = BindBodyCodec.readAck(r);
        return h.type().equals(PacketType.BIND_ACK)
                ? new BindAckPdu(
                        h.callId(),
                        h.flags(),
                        b.maxXmitFrag(),
                        b.maxRecvFrag(),
                        b.assocGroupId(),
                        b.secondaryAddress(),
                        b.results(),
                        auth)
                : new AlterContextRespPdu(
                        h.callId(),
                        h.flags(),
                        b.maxXmitFrag(),
                        b.maxRecvFrag(),
                        b.assocGroupId(),
                        b.secondaryAddress(),
                        b.results(),
                        auth);
    }

    private static BindNakPdu bindNak(CommonHeader h, WireReader r) throws PduException {
        BindNakReason reason = new BindNakReason(r.u16("provider_reject_reason"));
        int n = r.u8("n_protocols");
        List<BindNakPdu.Version> versions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            versions.add(new BindNakPdu.Version(r.u8("version major"), r.u8("version minor")));
        }
        return new BindNakPdu(h.callId(), h.flags(), reason, versions);
    }

    private static Auth3Pdu auth3(CommonHeader h, WireReader r, Optional<AuthVerifier> auth) throws PduException {
        if (auth.isEmpty()) {
            throw PduException.mismatch("auth3 auth_length", "more than 0", 0);
        }
        r.skip(4, "auth3 pad");
        return new Auth3Pdu(h.callId(), h.flags(), auth.get());
    }
}
