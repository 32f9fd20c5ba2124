package org.cews.x690;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The bounds at their edges, in both length forms, inside encapsulated contents, and on cut and
 * garbled input: always a {@link DerException}, never an Error or an unchecked exception.
 */
class BoundedDerTest {

    static final DerLimits DER_64 = DerLimits.der(256 * 1024, 64);
    static final DerLimits BER_64 = new DerLimits(256 * 1024, 64, true, false);
    static final DerLimits BER_64_ENCAPSULATED = new DerLimits(256 * 1024, 64, true, true);

    static byte[] definite(int depth) {
        return DerSamples.definite(depth);
    }

    static byte[] indefinite(int depth) {
        return DerSamples.indefinite(depth);
    }

    static byte[] tlv(int tag, byte[] content) {
        return DerSamples.tlv(tag, content);
    }

    static DerException refused(byte[] der, DerLimits limits) {
        return assertThrows(DerException.class, () -> BoundedDer.check(der, "request", limits));
    }

    @Test
    void fiveThousandNestedSequencesAreACheckedException() {
        byte[] hostile = definite(5_000);
        for (DerLimits limits : new DerLimits[] {DER_64, BER_64, BER_64_ENCAPSULATED, DerLimits.der(1 << 20, 4_999)}) {
            DerException e = refused(hostile, limits);
            assertEquals(DerException.Reason.TOO_DEEP, e.reason());
        }
        assertEquals(
                DerException.Reason.TOO_DEEP, refused(indefinite(5_000), BER_64).reason());
    }

    @Test
    void theDepthBoundIsInclusive() {
        assertDoesNotThrow(() -> BoundedDer.check(definite(64), "request", DER_64));
        DerException e = refused(definite(65), DER_64);
        assertEquals("X6900102 request nesting (expected: at most 64 levels, actual: more)", e.getMessage());
        assertDoesNotThrow(() -> BoundedDer.check(indefinite(64), "request", BER_64));
        assertEquals(
                DerException.Reason.TOO_DEEP, refused(indefinite(65), BER_64).reason());
    }

    @Test
    void theLengthBoundComesFirst() {
        DerException e = refused(new byte[262_145], DER_64);
        assertEquals(DerException.Reason.TOO_LONG, e.reason());
        assertEquals("X6900101 request length (expected: at most 262144 octets, actual: 262145)", e.getMessage());
    }

    @Test
    void indefiniteLengthsOnlyWhereAllowed() {
        byte[] ber = indefinite(3);
        assertDoesNotThrow(() -> BoundedDer.check(ber, "request", BER_64));
        DerException e = refused(ber, DER_64);
        assertEquals(DerException.Reason.MALFORMED, e.reason());
        assertEquals(
                "X6900103 request is not DER at offset 0 (expected: a definite length (DER, X.690 §10.1), actual:"
                        + " indefinite)",
                e.getMessage());
        // a primitive value cannot be indefinite (§8.1.3.2), an indefinite value needs its 00 00
        assertEquals(DerException.Reason.MALFORMED, refused(hex("0480"), BER_64).reason());
        assertDoesNotThrow(() -> BoundedDer.check(hex("30800201000000"), "request", BER_64));
        assertEquals(
                DerException.Reason.MALFORMED,
                refused(hex("308002010000"), BER_64).reason());
        assertEquals(
                DerException.Reason.MALFORMED,
                refused(hex("3080020100"), BER_64).reason());
    }

    @Test
    void encapsulatedLevelsAddUpWhereTheCallerCountsThem() {
        // 30 SEQUENCEs around an OCTET STRING holding 40 more levels: 71 in all
        byte[] der = tlv(0x04, definite(40));
        for (int i = 0; i < 30; i++) {
            der = tlv(0x30, der);
        }
        byte[] hostile = der;
        assertDoesNotThrow(() -> BoundedDer.check(hostile, "request", BER_64));
        assertEquals(
                DerException.Reason.TOO_DEEP,
                refused(hostile, BER_64_ENCAPSULATED).reason());
        // in a BIT STRING, after its unused-bits octet
        byte[] bits = new byte[definite(70).length + 1];
        System.arraycopy(definite(70), 0, bits, 1, bits.length - 1);
        assertEquals(
                DerException.Reason.TOO_DEEP,
                refused(tlv(0x03, bits), BER_64_ENCAPSULATED).reason());
        // contents that are not an encoding stay opaque
        assertDoesNotThrow(() -> BoundedDer.check(hex("0403300500"), "request", BER_64_ENCAPSULATED));
    }

    @Test
    void everyCutIsMalformed() {
        byte[] der = definite(50);
        for (int n = 0; n < der.length; n++) {
            byte[] cut = Arrays.copyOf(der, n);
            DerException e =
                    assertThrows(DerException.class, () -> BoundedDer.check(cut, "request", DER_64), "cut at " + n);
            assertEquals(DerException.Reason.MALFORMED, e.reason(), "cut at " + n);
        }
    }

    @Test
    void lengthsMustFitTheirContainerAndOneValueTheInput() {
        assertEquals(
                DerException.Reason.MALFORMED,
                refused(hex("3003040500"), DER_64).reason());
        assertEquals(
                DerException.Reason.MALFORMED,
                refused(hex("30847fffffff"), DER_64).reason());
        assertEquals(
                DerException.Reason.MALFORMED,
                refused(hex("30850101010101"), DER_64).reason());
        DerException after = refused(hex("300000"), DER_64);
        assertEquals("one value, actual: 1 octets after the value", after.detail());
        assertEquals(2, after.offset());
    }

    @Test
    void highTagNumbersInAtMostFourOctets() {
        assertDoesNotThrow(() -> BoundedDer.check(hex("3f810100"), "request", DER_64));
        assertEquals(
                DerException.Reason.MALFORMED,
                refused(hex("1fffffffff0100"), DER_64).reason());
        assertEquals(
                DerException.Reason.MALFORMED, refused(hex("1fffff"), DER_64).reason());
    }

    @Test
    void emptyAndGarbage() {
        assertEquals(DerException.Reason.MALFORMED, refused(new byte[0], DER_64).reason());
        assertEquals(
                DerException.Reason.MALFORMED,
                refused("hello".getBytes(), DER_64).reason());
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> DerLimits.der(0, 1));
        assertThrows(IllegalArgumentException.class, () -> DerLimits.der(1, 0));
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
