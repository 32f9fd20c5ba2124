package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The open wire codes keep unknown values and name known ones. */
class WireCodesTest {

    @Test
    void packetTypesAreOpen() {
        assertEquals("bind_ack(12)", PacketType.BIND_ACK.toString());
        assertEquals("auth3(16)", PacketType.AUTH3.toString());
        assertEquals("unknown(200)", new PacketType(200).toString());
        assertEquals(new PacketType(11), PacketType.BIND);
        assertThrows(IllegalArgumentException.class, () -> new PacketType(256));
    }

    @Test
    void pfcFlagsKeepEveryBit() {
        PfcFlags flags = new PfcFlags(0x8B);
        assertEquals("0x8b(FIRST_FRAG|LAST_FRAG|RESERVED_1|OBJECT_UUID)", flags.toString());
        assertTrue(flags.has(PfcFlag.RESERVED_1));
        assertFalse(flags.has(PfcFlag.MAYBE));
        assertEquals(0x8B, flags.without(PfcFlag.MAYBE).bits());
        assertEquals(0x0B, flags.without(PfcFlag.OBJECT_UUID).bits());
        assertEquals(0x04, PfcFlags.of(PfcFlag.SUPPORT_HEADER_SIGN).bits());
        assertEquals(0x03, PfcFlags.FIRST_AND_LAST.bits());
    }

    @Test
    void pfcFlagsSurviveTheCodec() throws PduException {
        byte[] wire = Golden.load("fault-proto-error.hex");
        wire[3] = (byte) 0x4F; // FIRST|LAST|PENDING_CANCEL|RESERVED_1|MAYBE
        assertEquals(0x4F, PduDecoder.decode(wire).flags().bits());
        assertEquals(Golden.hex(wire), Golden.hex(PduEncoder.encode(PduDecoder.decode(wire))));
    }

    @Test
    void faultStatusesHaveNames() {
        assertEquals("access_denied(0x00000005)", FaultStatus.ACCESS_DENIED.toString());
        assertEquals("nca_s_op_rng_error(0x1c010002)", FaultStatus.OP_RNG_ERROR.toString());
        assertEquals("nca_s_unk_if(0x1c010003)", FaultStatus.UNK_IF.toString());
        assertEquals("nca_s_proto_error(0x1c01000b)", FaultStatus.PROTO_ERROR.toString());
        assertEquals("rpc_s_sec_pkg_error(0x00000721)", FaultStatus.SEC_PKG_ERROR.toString());
        assertEquals("rpc_x_bad_stub_data(0x000006f7)", FaultStatus.BAD_STUB_DATA.toString());
        assertEquals("unknown(0x80070057)", new FaultStatus(0x80070057).toString());
    }

    @Test
    void levelsReasonsAndResultsAreOpen() {
        assertEquals("pkt_privacy(6)", AuthLevel.PKT_PRIVACY.toString());
        assertEquals("unknown(9)", new AuthLevel(9).toString());
        assertEquals("invalid_checksum(9)", BindNakReason.INVALID_CHECKSUM.toString());
        assertEquals("unknown(77)", new BindNakReason(77).toString());
        assertEquals("provider_rejection(2)", PresentationResult.Result.PROVIDER_REJECTION.toString());
        assertEquals(
                "abstract_syntax_not_supported(1)", PresentationResult.Reason.ABSTRACT_SYNTAX_NOT_SUPPORTED.toString());
        assertEquals("unknown(9)", new PresentationResult.Result(9).toString());
    }
}
