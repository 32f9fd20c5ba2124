package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each golden PDU decodes to the fields its dissection names, and encodes back to the same bytes. */
class PduGoldenTest {

    static final SyntaxId SAMR = new SyntaxId(UUID.fromString("12345778-1234-abcd-ef00-0123456789ac"), 1, 0);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bind-ntlm-samr.hex",
                "bind-ack-ntlm.hex",
                "auth3-ntlm.hex",
                "alter-context-spnego.hex",
                "alter-context-resp.hex",
                "bind-nak.hex",
                "fault-proto-error.hex",
                "request-samr-connect2-ntlm.hex",
                "response-sealed-ntlm.hex",
                "request-object-uuid.hex"
            })
    void encodeOfDecodeIsIdentity(String golden) throws PduException {
        byte[] wire = Golden.load(golden);
        assertEquals(Golden.hex(wire), Golden.hex(PduEncoder.encode(PduDecoder.decode(wire))));
    }

    @Test
    void bindWithNtlmNegotiate() throws PduException {
        BindPdu bind = assertInstanceOf(BindPdu.class, PduDecoder.decode(Golden.load("bind-ntlm-samr.hex")));
        assertEquals(1, bind.callId());
        assertEquals(PfcFlags.FIRST_AND_LAST, bind.flags());
        assertEquals(5840, bind.maxXmitFrag());
        assertEquals(5840, bind.maxRecvFrag());
        assertEquals(0, bind.assocGroupId());
        assertEquals(List.of(PresentationContext.ndr20(0, SAMR)), bind.contexts());
        AuthVerifier auth = bind.auth().orElseThrow();
        assertEquals(AuthType.NTLM, auth.authType());
        assertEquals(AuthLevel.PKT_PRIVACY, auth.authLevel());
        assertEquals(0, auth.contextId());
        assertEquals(0, auth.pad().length);
        assertEquals(40, auth.value().length);
        assertEquals(
                "4e544c4d5353500001000000358208e2", Golden.hex(auth.value()).substring(0, 32));
    }

    @Test
    void bindBuiltFromRecordsMatchesGolden() {
        // The bind the client association sends for SAMR with this NEGOTIATE token.
        byte[] negotiate = Golden.hex(
                "4e544c4d53535000 01000000 358208e2 0000000028000000 0000000028000000" + " 0a00614a0000000f");
        BindPdu bind = new BindPdu(
                1,
                PfcFlags.FIRST_AND_LAST,
                5840,
                5840,
                0,
                List.of(PresentationContext.ndr20(0, SAMR)),
                Optional.of(AuthVerifier.token(AuthType.NTLM, AuthLevel.PKT_PRIVACY, 0, negotiate)));
        assertEquals(Golden.hex(Golden.load("bind-ntlm-samr.hex")), Golden.hex(PduEncoder.encode(bind)));
    }

    @Test
    void bindAckWithSecondaryAddressAndToken() throws PduException {
        BindAckPdu ack = assertInstanceOf(BindAckPdu.class, PduDecoder.decode(Golden.load("bind-ack-ntlm.hex")));
        assertEquals(1, ack.callId());
        assertEquals(5840, ack.maxXmitFrag());
        assertEquals(5840, ack.maxRecvFrag());
        assertEquals(0xe97a, ack.assocGroupId());
        assertEquals("49154", ack.secondaryAddress());
        assertEquals(List.of(PresentationResult.accept(SyntaxId.NDR20)), ack.results());
        assertEquals(
                "4e544c4d535350000200000001020304",
                Golden.hex(ack.auth().orElseThrow().value()));
    }

    @Test
    void bindAckPadsAShortSecondaryAddressToFour() {
        // "135\0" ends at offset 30, so two pad bytes come before n_results at 32.
        BindAckPdu ack = new BindAckPdu(
                1,
                PfcFlags.FIRST_AND_LAST,
                4280,
                4280,
                7,
                "135",
                List.of(PresentationResult.accept(SyntaxId.NDR20)),
                Optional.empty());
        byte[] wire = PduEncoder.encode(ack);
        assertEquals("0400" + "31333500" + "0000" + "01000000", Golden.hex(wire).substring(48, 72));
        assertEquals(60, wire.length);
    }

    @Test
    void auth3CarriesFourPadBytesThenTheToken() throws PduException {
        Auth3Pdu auth3 = assertInstanceOf(Auth3Pdu.class, PduDecoder.decode(Golden.load("auth3-ntlm.hex")));
        assertEquals(1, auth3.callId());
        assertEquals(AuthType.NTLM, auth3.verifier().authType());
        assertEquals(
                "4e544c4d5353500003000000aabbccdd", Golden.hex(auth3.verifier().value()));
    }

    @Test
    void alterContextWithSpnegoToken() throws PduException {
        AlterContextPdu alter =
                assertInstanceOf(AlterContextPdu.class, PduDecoder.decode(Golden.load("alter-context-spnego.hex")));
        assertEquals(0xe97a, alter.assocGroupId());
        assertEquals(List.of(PresentationContext.ndr20(0, SAMR)), alter.contexts());
        assertEquals(AuthType.SPNEGO, alter.auth().orElseThrow().authType());
        assertEquals(1, alter.auth().orElseThrow().contextId());
    }

    @Test
    void alterContextRespWithoutToken() throws PduException {
        AlterContextRespPdu resp =
                assertInstanceOf(AlterContextRespPdu.class, PduDecoder.decode(Golden.load("alter-context-resp.hex")));
        assertEquals("", resp.secondaryAddress());
        assertEquals(List.of(PresentationResult.accept(SyntaxId.NDR20)), resp.results());
        assertTrue(resp.auth().isEmpty());
    }

    @Test
    void bindNakNamesItsReason() throws PduException {
        BindNakPdu nak = assertInstanceOf(BindNakPdu.class, PduDecoder.decode(Golden.load("bind-nak.hex")));
        assertEquals(BindNakReason.AUTHENTICATION_TYPE_NOT_RECOGNIZED, nak.reason());
        assertEquals("authentication_type_not_recognized(8)", nak.reason().toString());
        assertEquals(BindNakPdu.V5_0, nak.versions());
    }

    @Test
    void bindNakSignatureAndExtendedErrorAreIgnored() throws PduException {
        byte[] golden = Golden.load("bind-nak.hex");
        byte[] withSignature = new byte[golden.length + 16];
        System.arraycopy(golden, 0, withSignature, 0, golden.length);
        withSignature[8] = (byte) withSignature.length;
        BindNakPdu nak = assertInstanceOf(BindNakPdu.class, PduDecoder.decode(withSignature));
        assertEquals(BindNakReason.AUTHENTICATION_TYPE_NOT_RECOGNIZED, nak.reason());
    }

    @Test
    void faultCarriesStatusAndFlags() throws PduException {
        FaultPdu fault = assertInstanceOf(FaultPdu.class, PduDecoder.decode(Golden.load("fault-proto-error.hex")));
        assertEquals(FaultStatus.PROTO_ERROR, fault.status());
        assertEquals("nca_s_proto_error(0x1c01000b)", fault.status().toString());
        assertTrue(fault.flags().has(PfcFlag.DID_NOT_EXECUTE));
        assertEquals(1, fault.callId());
    }

    @Test
    void sealedSamrConnect2RequestFromSamba() throws PduException {
        byte[] wire = Golden.load("request-samr-connect2-ntlm.hex");
        CommonHeader h = CommonHeader.decode(wire);
        assertEquals(PacketType.REQUEST, h.type());
        assertEquals(64, h.fragLength());
        assertEquals(16, h.authLength());
        assertEquals(40, h.trailerOffset());
        RequestPdu request = assertInstanceOf(RequestPdu.class, PduDecoder.decode(wire));
        assertEquals(2, request.callId());
        assertEquals(8, request.allocHint());
        assertEquals(0, request.contextId());
        assertEquals(57, request.opnum());
        assertTrue(request.object().isEmpty());
        assertEquals(24, request.stubOffset());
        assertEquals("e1e2e3e4e5e6e7e8", Golden.hex(request.stub()));
        AuthVerifier auth = request.auth().orElseThrow();
        assertEquals(new SecTrailer(AuthType.NTLM, AuthLevel.PKT_PRIVACY, 8, 0), auth.trailer());
        assertEquals("f1f2f3f4f5f6f7f8", Golden.hex(auth.pad()));
        assertEquals("01000000c5b07479d281bde300000000", Golden.hex(auth.value()));
    }

    @Test
    void sealedResponseSplitsStubAndPad() throws PduException {
        ResponsePdu response =
                assertInstanceOf(ResponsePdu.class, PduDecoder.decode(Golden.load("response-sealed-ntlm.hex")));
        assertEquals(24, response.allocHint());
        assertEquals(24, response.stub().length);
        assertEquals(8, response.auth().orElseThrow().pad().length);
        assertEquals(0, response.cancelCount());
    }

    @Test
    void requestWithObjectUuid() throws PduException {
        RequestPdu request =
                assertInstanceOf(RequestPdu.class, PduDecoder.decode(Golden.load("request-object-uuid.hex")));
        assertEquals(Optional.of(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff")), request.object());
        assertEquals(40, request.stubOffset());
        assertEquals(3, request.opnum());
        assertEquals(1, request.contextId());
        assertEquals("deadbeef", Golden.hex(request.stub()));
        assertFalse(request.auth().isPresent());
    }

    @Test
    void encoderSetsObjectUuidFlagFromTheObject() throws PduException {
        RequestPdu without = new RequestPdu(
                5,
                PfcFlags.of(PfcFlag.FIRST_FRAG, PfcFlag.LAST_FRAG, PfcFlag.OBJECT_UUID),
                0,
                0,
                1,
                Optional.empty(),
                new byte[0],
                Optional.empty());
        assertEquals(0x03, PduEncoder.encode(without)[3]);
        RequestPdu with = new RequestPdu(
                5, PfcFlags.FIRST_AND_LAST, 0, 0, 1, Optional.of(new UUID(1, 2)), new byte[0], Optional.empty());
        byte[] wire = PduEncoder.encode(with);
        assertEquals((byte) 0x83, wire[3]);
        assertEquals(Optional.of(new UUID(1, 2)), ((RequestPdu) PduDecoder.decode(wire)).object());
    }
}
