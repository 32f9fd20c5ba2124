package org.cews.lab.ca.request;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.x690.DerSamples;
import org.junit.jupiter.api.Test;

/**
 * The lab's size and nesting bounds on client DER (the shared reader with the lab's limits), at
 * their edges, in BER's forms, and on cut input.
 */
class RequestBoundsTest {

    static RequestRejected refused(byte[] der) {
        return assertThrows(RequestRejected.class, () -> RequestBounds.check(der, "request"));
    }

    @Test
    void sixtyFourLevelsPassSixtyFiveDoNot() {
        assertDoesNotThrow(() -> RequestBounds.check(DerSamples.definite(RequestBounds.MAX_DEPTH), "request"));
        RequestRejected e = refused(DerSamples.definite(RequestBounds.MAX_DEPTH + 1));
        assertEquals(CertSrvErrors.CRYPT_E_ASN1_LARGE, e.code());
        assertEquals("X6900102 request nesting (expected: at most 64 levels, actual: more)", e.getMessage());
    }

    @Test
    void indefiniteLengthsCountToo() {
        assertDoesNotThrow(() -> RequestBounds.check(DerSamples.indefinite(RequestBounds.MAX_DEPTH), "request"));
        assertEquals(
                CertSrvErrors.CRYPT_E_ASN1_LARGE,
                refused(DerSamples.indefinite(1_000)).code());
    }

    @Test
    void encapsulatedLevelsAddUp() {
        // 30 SEQUENCEs around an OCTET STRING holding 40 more levels: 71 in all
        byte[] der = DerSamples.tlv(0x04, DerSamples.definite(40));
        for (int i = 0; i < 30; i++) {
            der = DerSamples.tlv(0x30, der);
        }
        assertEquals(CertSrvErrors.CRYPT_E_ASN1_LARGE, refused(der).code());
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
        byte[] der = DerSamples.definite(50);
        for (int n = 0; n <= der.length; n++) {
            byte[] cut = Arrays.copyOf(der, n);
            assertDoesNotThrow(() -> RequestBounds.check(cut, "request"), "cut at " + n);
        }
        assertDoesNotThrow(() -> RequestBounds.check(new byte[] {0x3F, (byte) 0x81, 0x01, 0x00}, "request"));
        assertDoesNotThrow(() -> RequestBounds.check(new byte[] {0x1F, (byte) 0xFF, (byte) 0xFF}, "request"));
    }
}
