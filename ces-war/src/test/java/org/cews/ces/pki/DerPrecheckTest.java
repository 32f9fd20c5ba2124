package org.cews.ces.pki;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.cews.ces.Fixtures;
import org.cews.ces.TestPki;
import org.cews.ces.wstep.HResult;
import org.junit.jupiter.api.Test;

/** Hostile DER: every case is a checked exception with ERROR_INVALID_DATA, never an Error. */
class DerPrecheckTest {

    private final DerPrecheck precheck = new DerPrecheck();
    private final RequestSniffer sniffer = new RequestSniffer(precheck);

    static byte[] nested(int depth) {
        return TestPki.nested(depth);
    }

    @Test
    void fiveThousandNestedSequencesAreACheckedExceptionNotAStackOverflow() {
        byte[] hostile = nested(5000);
        assertTrue(hostile.length > 19_000 && hostile.length < 21_000, "about 20 KB: " + hostile.length);
        InspectionException e = assertThrows(InspectionException.class, () -> sniffer.sniff(hostile));
        assertTrue(e.getMessage().startsWith("CES0202 "), e.getMessage());
        assertEquals(HResult.ERROR_INVALID_DATA, e.hresult());
    }

    @Test
    void nestingInsideTheCmsContentIsCheckedToo() throws Exception {
        byte[] cms = TestPki.signedData(PKCSObjectIdentifiers.data, nested(5000), List.of(), List.of());
        InspectionException e = assertThrows(InspectionException.class, () -> sniffer.sniff(cms));
        assertTrue(e.getMessage().startsWith("CES0202 "), e.getMessage());
    }

    @Test
    void nestingUpToTheLimitPasses() {
        assertDoesNotThrow(() -> precheck.check(nested(DerPrecheck.DEFAULT_MAX_DEPTH)));
        assertThrows(InspectionException.class, () -> precheck.check(nested(DerPrecheck.DEFAULT_MAX_DEPTH + 1)));
    }

    @Test
    void theWindowsRequestTruncatedAtEveryLengthIsAlwaysChecked() {
        byte[] der = Fixtures.bytes("win11-certreq-cmc-request.der");
        for (int n = 0; n < der.length; n++) {
            byte[] cut = Arrays.copyOf(der, n);
            InspectionException e = assertThrows(InspectionException.class, () -> sniffer.sniff(cut), "length " + n);
            assertEquals(HResult.ERROR_INVALID_DATA, e.hresult());
        }
    }

    @Test
    void sizeAboveTheCapIsRefusedBeforeParsing() {
        InspectionException e =
                assertThrows(InspectionException.class, () -> new DerPrecheck(1024, 48).check(new byte[1025]));
        assertTrue(e.getMessage().startsWith("CES0201 "), e.getMessage());
    }

    @Test
    void indefiniteLengthIsNotDer() {
        InspectionException e = assertThrows(
                InspectionException.class, () -> precheck.check(new byte[] {0x30, (byte) 0x80, 0x00, 0x00}));
        assertTrue(e.getMessage().contains("indefinite"), e.getMessage());
    }

    @Test
    void lengthsThatOverrunTheirContainerAreRefused() {
        assertThrows(InspectionException.class, () -> precheck.check(new byte[] {0x30, 0x03, 0x04, 0x05, 0x00}));
        assertThrows(
                InspectionException.class,
                () -> precheck.check(new byte[] {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
        assertThrows(InspectionException.class, () -> precheck.check(new byte[] {0x30, (byte) 0x85, 1, 1, 1, 1, 1}));
    }

    @Test
    void bytesAfterTheValueAreRefused() {
        InspectionException e =
                assertThrows(InspectionException.class, () -> precheck.check(new byte[] {0x30, 0x00, 0x00}));
        assertTrue(e.getMessage().contains("after the value"), e.getMessage());
    }

    @Test
    void emptyAndGarbageAreRefused() {
        assertThrows(InspectionException.class, () -> sniffer.sniff(new byte[0]));
        assertThrows(InspectionException.class, () -> sniffer.sniff("hello".getBytes()));
        assertThrows(InspectionException.class, () -> sniffer.sniff(new byte[] {0x1F, (byte) 0xFF, (byte) 0xFF}));
        assertThrows(InspectionException.class, () -> sniffer.sniff(new byte[] {0x02, 0x01, 0x00}));
    }
}
