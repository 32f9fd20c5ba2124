package org.cews.lab.ca.request;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.cews.lab.ca.CertSrvErrors;
import org.junit.jupiter.api.Test;

/**
 * The lab's size and nesting bounds on client DER (the shared reader with the lab's limits), at
 * their edges, in BER's forms, and on cut input.
 */
class RequestBoundsTest {

    /** {@code depth} nested SEQUENCEs with definite lengths. */
    static byte[] definite(int depth) {
        byte[] inner = {0x30, 0x00};
        for (int i = 1; i < depth; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x30);
            out.write(0x82);
            out.write(inner.length >> 8);
            out.write(inner.length & 0xFF);
            out.writeBytes(inner);
            inner = out.toByteArray();
        }
        return inner;
    }

    /** {@code depth} nested SEQUENCEs with indefinite lengths (BER), each closed by 00 00. */
    static byte[] indefinite(int depth) {
        byte[] b = new byte[depth * 4];
        for (int i = 0; i < depth; i++) {
            b[2 * i] = 0x30;
            b[2 * i + 1] = (byte) 0x80;
        }
        return b; // the rest: depth end-of-contents octet pairs
    }

    static RequestRejected refused(byte[] der) {
        return assertThrows(RequestRejected.class, () -> RequestBounds.check(der, "request"));
    }

    @Test
    void sixtyFourLevelsPassSixtyFiveDoNot() {
        assertDoesNotThrow(() -> RequestBounds.check(definite(RequestBounds.MAX_DEPTH), "request"));
        RequestRejected e = refused(definite(RequestBounds.MAX_DEPTH + 1));
        assertEquals(CertSrvErrors.CRYPT_E_ASN1_LARGE, e.code());
        assertEquals("X6900102 request nesting (expected: at most 64 levels, actual: more)", e.getMessage());
    }

    @Test
    void indefiniteLengthsCountToo() {
        assertDoesNotThrow(() -> RequestBounds.check(indefinite(RequestBounds.MAX_DEPTH), "request"));
        assertEquals(
                CertSrvErrors.CRYPT_E_ASN1_LARGE, refused(indefinite(1_000)).code());
    }

    @Test
    void encapsulatedLevelsAddUp() {
        // 30 SEQUENCEs around an OCTET STRING holding 40 more levels: 71 in all
        byte[] der = tlv(0x04, definite(40));
        for (int i = 0; i < 30; i++) {
            der = tlv(0x30, der);
        }
        assertEquals(CertSrvErrors.CRYPT_E_ASN1_LARGE, refused(der).code());
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        out.write(0x83);
        out.write(content.length >> 16);
        out.write(content.length >> 8);
        out.write(content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    @Test
    void tooLongIsRefusedBeforeAnyWalk() {
        byte[] der = new byte[RequestBounds.MAX_LENGTH + 1];
        RequestRejected e = refused(der);
        assertEquals(CertSrvErrors.CRYPT_E_ASN1_LARGE, e.code());
        assertEquals("X6900101 request length (expected: at most 262144 octets, actual: 262145)", e.getMessage());
    }

    @Test
    void cutInputAndHighTagNumbersAreLeftToTheDecoder() {
        byte[] der = definite(50);
        for (int n = 0; n <= der.length; n++) {
            byte[] cut = Arrays.copyOf(der, n);
            assertDoesNotThrow(() -> RequestBounds.check(cut, "request"), "cut at " + n);
        }
        assertDoesNotThrow(() -> RequestBounds.check(new byte[] {0x3F, (byte) 0x81, 0x01, 0x00}, "request"));
        assertDoesNotThrow(() -> RequestBounds.check(new byte[] {0x1F, (byte) 0xFF, (byte) 0xFF}, "request"));
    }
}
