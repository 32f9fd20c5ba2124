package org.cews.wcce.msicpr;

import static org.cews.wcce.ndr.GoldenHex.hex;
import static org.cews.wcce.ndr.GoldenHex.parse;
import static org.cews.wcce.ndr.GoldenHex.resource;
import static org.cews.wcce.ndr.GoldenHex.zeroed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cews.wcce.ndr.NdrException;
import org.junit.jupiter.api.Test;

/**
 * Stubs produced by impacket 0.10 (Debian python3-impacket 0.10.0-4) with
 * {@code src/test/python/impacket_crosscheck.py}, which declares CertServerRequest's structs from
 * the IDL with impacket's NDR classes (impacket 0.10 ships no icpr module) and sets the referent
 * ids impacket would otherwise draw at random. Interop: impacket fills alignment padding with
 * 0xBF or 0xAB; with those bytes zeroed its stubs are our golden files byte for byte, and we
 * decode its stubs as they are.
 */
class ImpacketCrossCheckTest {

    static final byte[] SUBMIT = parse(
            """
            00010000 00000200 0b000000 00000000 0b000000
            43004f004e0054004f0053004f002d00430041000000 bfbf
            00000000 32000000 04000200 32000000
            43006500720074006900660069006300610074006500540065006d0070006c006100740065003a0055007300650072000000
            abab 05000000 08000200 05000000 3003020105
            """);

    static final byte[] RETRIEVE = parse(
            """
            00000000 00000200 0b000000 00000000 0b000000
            43004f004e0054004f0053004f002d00430041000000 bfbf
            2a000000 00000000 00000000 00000000 00000000
            """);

    static final byte[] ISSUED = parse(
            """
            2a000000 03000000 04000000 00000200 04000000 30020500
            05000000 04000200 05000000 3003020107 ababab
            0e000000 08000200 0e000000 4900730073007500650064000000 bfbf 00000000
            """);

    static final byte[] DENIED = parse(
            """
            2b000000 12400980 00000000 00000000 00000000 00000000
            30000000 00000200 30000000
            440065006e00690065006400200062007900200050006f006c0069006300790020004d006f00640075006c0065000000
            00000000
            """);

    @Test
    void submit() throws NdrException {
        assertEquals(hex(resource(CertServerRequestTest.SUBMIT_FILE)), hex(zeroed(SUBMIT, 0x2a, 0x2b, 0x6e, 0x6f)));
        assertEquals(CertServerRequestTest.SUBMIT, CertServerRequest.decode(SUBMIT));
    }

    @Test
    void retrieve() throws NdrException {
        assertEquals(hex(resource(CertServerRequestTest.RETRIEVE_FILE)), hex(zeroed(RETRIEVE, 0x2a, 0x2b)));
        assertEquals(CertServerRequestTest.RETRIEVE, CertServerRequest.decode(RETRIEVE));
    }

    @Test
    void issuedResponse() throws NdrException {
        assertEquals(
                hex(resource(CertServerRequestResponseTest.ISSUED_FILE)),
                hex(zeroed(ISSUED, 0x29, 0x2a, 0x2b, 0x46, 0x47)));
        assertEquals(CertServerRequestResponseTest.ISSUED, CertServerRequestResponse.decode(ISSUED));
    }

    @Test
    void deniedResponse() throws NdrException {
        assertEquals(hex(resource(CertServerRequestResponseTest.DENIED_FILE)), hex(DENIED));
        assertEquals(CertServerRequestResponseTest.DENIED, CertServerRequestResponse.decode(DENIED));
    }
}
