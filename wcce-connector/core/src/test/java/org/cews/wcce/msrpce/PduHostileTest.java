package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** Hostile headers and bodies: each is refused with a stable, checked message. */
class PduHostileTest {

    private static byte[] samrRequest() {
        return Golden.load("request-samr-connect2-ntlm.hex");
    }

    private static String decodeError(byte[] wire) {
        return assertThrows(PduException.class, () -> PduDecoder.decode(wire)).getMessage();
    }

    @Test
    void wrongMajorVersion() {
        byte[] wire = samrRequest();
        wire[0] = 4;
        assertEquals("rpc_vers (expected: 5.0, actual: 4.0)", decodeError(wire));
    }

    @Test
    void wrongMinorVersion() {
        byte[] wire = samrRequest();
        wire[1] = 1;
        assertEquals("rpc_vers (expected: 5.0, actual: 5.1)", decodeError(wire));
    }

    @Test
    void bigEndianDrepIsRefusedNotMisread() {
        byte[] wire = samrRequest();
        wire[4] = 0x00; // integer representation 0: big-endian
        assertEquals("packed_drep (expected: 10 00 (little-endian, ASCII, IEEE), actual: 00 00)", decodeError(wire));
    }

    @Test
    void ebcdicAndVaxFloatsAreRefused() {
        byte[] ebcdic = samrRequest();
        ebcdic[4] = 0x11;
        assertEquals("packed_drep (expected: 10 00 (little-endian, ASCII, IEEE), actual: 11 00)", decodeError(ebcdic));
        byte[] vax = samrRequest();
        vax[5] = 0x01;
        assertEquals("packed_drep (expected: 10 00 (little-endian, ASCII, IEEE), actual: 10 01)", decodeError(vax));
    }

    @Test
    void fragLengthBelowTheHeader() {
        for (int fragLength : new int[] {0, 15}) {
            byte[] wire = samrRequest();
            WireWriter.putU16(wire, 8, fragLength);
            assertEquals("frag_length (expected: at least 16, actual: " + fragLength + ")", decodeError(wire));
        }
    }

    @Test
    void fragLengthAboveMaxRecvIsRefusedBeforeReadingTheBody() {
        byte[] header = Golden.hex("05000003 10000000 ffff 0000 02000000");
        CountingStream in = new CountingStream(header);
        StreamChannel channel = new StreamChannel(in, OutputStream.nullOutputStream());
        PduException e = assertThrows(PduException.class, () -> FrameReader.read(channel, 5840));
        assertEquals("frag_length (expected: at most 5840, actual: 65535)", e.getMessage());
        assertEquals(16, in.read);
    }

    @Test
    void authLengthBeyondTheFragment() {
        byte[] wire = samrRequest();
        WireWriter.putU16(wire, 10, 41); // 41 + 8 > 64 - 16
        assertEquals("auth_length (expected: at most 40, actual: 41)", decodeError(wire));
    }

    @Test
    void padBeyondTheStub() {
        byte[] wire = samrRequest();
        wire[42] = 17; // auth_pad_length: only 16 bytes lie between the request header and the trailer
        assertEquals("auth_pad_length (expected: at most 16, actual: 17)", decodeError(wire));
    }

    @Test
    void padCoveringTheWholeStubIsAllowed() throws PduException {
        byte[] wire = samrRequest();
        wire[42] = 16;
        RequestPdu request = (RequestPdu) PduDecoder.decode(wire);
        assertEquals(0, request.stub().length);
        assertEquals(16, request.auth().orElseThrow().pad().length);
    }

    @Test
    void frameLongerThanFragLength() {
        byte[] golden = samrRequest();
        byte[] wire = java.util.Arrays.copyOf(golden, golden.length + 1);
        assertEquals("PDU length (expected: frag_length 64, actual: 65)", decodeError(wire));
    }

    @Test
    void headerShorterThanSixteenBytes() {
        assertEquals("common header (expected: 16 bytes, actual: 10)", decodeError(new byte[10]));
    }

    @Test
    void unknownPacketTypeIsKeptInTheHeaderButNotDecoded() throws PduException {
        byte[] wire = Golden.load("fault-proto-error.hex");
        wire[2] = 19;
        assertEquals(new PacketType(19), CommonHeader.decode(wire).type());
        assertEquals(
                "PTYPE (expected: request, response, fault, bind, bind_ack, bind_nak, alter_context, "
                        + "alter_context_resp or auth3, actual: orphaned(19))",
                decodeError(wire));
    }

    @Test
    void auth3WithoutAuthentication() {
        byte[] wire = Golden.hex("05001003 10000000 1400 0000 01000000 00000000");
        assertEquals("auth3 auth_length (expected: more than 0, actual: 0)", decodeError(wire));
    }

    @Test
    void auth3WithoutItsPadBytes() {
        // The sec_trailer straight after the header, as Samba refuses it (docs/RPC-NTLM.md §1.3).
        byte[] wire = Golden.hex("05001003 10000000 1c00 0400 01000000 0a060000 00000000 01020304");
        assertEquals("auth3 pad (expected: 4 bytes, actual: 0)", decodeError(wire));
    }

    @Test
    void bindClaimingMoreContextsThanItCarries() {
        byte[] wire = Golden.load("bind-ntlm-samr.hex");
        wire[24] = 2; // n_context_elem
        assertEquals("p_cont_id (expected: 2 bytes, actual: 0)", decodeError(wire));
    }

    @Test
    void bindContextWithoutTransferSyntax() {
        byte[] wire = Golden.load("bind-ntlm-samr.hex");
        wire[30] = 0; // n_transfer_syn
        assertEquals("n_transfer_syn (expected: at least 1, actual: 0)", decodeError(wire));
    }

    @Test
    void bindAckWithSecondaryAddressPastTheBody() {
        byte[] wire = Golden.load("bind-ack-ntlm.hex");
        WireWriter.putU16(wire, 24, 0xFFFF);
        assertEquals("sec_addr (expected: 65535 bytes, actual: 34)", decodeError(wire));
    }

    @Test
    void faultWithoutReserved2() {
        byte[] wire = Golden.hex("05000303 10000000 1c00 0000 01000000 00000000 0000 00 00 0b00011c");
        assertEquals("reserved2 (expected: 4 bytes, actual: 0)", decodeError(wire));
    }

    private static final class CountingStream extends InputStream {
        private final InputStream in;
        int read;

        CountingStream(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }
}
