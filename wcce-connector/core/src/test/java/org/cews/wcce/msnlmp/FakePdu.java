package org.cews.wcce.msnlmp;

import java.util.Arrays;
import java.util.Random;

/**
 * A request PDU laid out as {@link org.cews.wcce.msrpce.PduProtection} documents it: a 24-byte
 * header (common header with frag_length and auth_length 16, then the request header), the stub
 * padded to 16, the 8-byte sec_trailer and a 16-byte verifier ([MS-RPCE] 2.2.2.11).
 */
record FakePdu(byte[] bytes, int stubOffset, int length, byte[] plainStub) {

    static final int HEADER = 24;
    static final int STUB_OFFSET = HEADER;

    static FakePdu request(int callId, int stubLength, long seed) {
        byte[] stub = new byte[stubLength];
        new Random(seed).nextBytes(stub);
        int pad = (16 - stubLength % 16) % 16;
        int length = stubLength + pad;
        byte[] b = new byte[HEADER + length + 8 + 16];
        b[0] = 5; // rpc_vers
        b[2] = 0; // PTYPE request
        b[3] = 3; // PFC_FIRST_FRAG | PFC_LAST_FRAG
        b[4] = 0x10; // data representation: little-endian, ASCII, IEEE
        LittleEndian.putU16(b, 8, b.length); // frag_length
        LittleEndian.putU16(b, 10, 16); // auth_length
        LittleEndian.putU32(b, 12, callId);
        LittleEndian.putU32(b, 16, stubLength); // alloc_hint
        LittleEndian.putU16(b, 22, 0); // opnum 0 (CertServerRequest)
        System.arraycopy(stub, 0, b, STUB_OFFSET, stubLength);
        int trailer = STUB_OFFSET + length;
        b[trailer] = 10; // auth_type RPC_C_AUTHN_WINNT
        b[trailer + 1] = 6; // auth_level PKT_PRIVACY
        b[trailer + 2] = (byte) pad;
        LittleEndian.putU32(b, trailer + 4, 0); // auth_context_id
        return new FakePdu(b, STUB_OFFSET, length, Arrays.copyOfRange(b, STUB_OFFSET, STUB_OFFSET + length));
    }

    int trailerOffset() {
        return stubOffset + length;
    }

    int verifierOffset() {
        return bytes.length - 16;
    }

    /** The stub and pad as they now stand in the buffer. */
    byte[] stubNow() {
        return Arrays.copyOfRange(bytes, stubOffset, stubOffset + length);
    }
}
