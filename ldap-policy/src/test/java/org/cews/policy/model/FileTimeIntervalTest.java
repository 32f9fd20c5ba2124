package org.cews.policy.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.cews.policy.acl.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileTimeIntervalTest {

    static final String DN =
            "CN=User,CN=Certificate Templates,CN=Public Key Services,CN=Services,CN=Configuration,DC=lab,DC=example";

    /** docs/CA-RPC-AD.md §5.2 and the [MS-CRTD] 3 default templates: little-endian negative 100-ns units. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1 year,   00 40 39 87 2e e1 fe ff, 31536000",
        "2 years,  00 80 72 0e 5d c2 fd ff, 63072000",
        "5 years,  00 40 1e a4 e8 65 fa ff, 157680000",
        "6 weeks,  00 80 a6 0a ff de ff ff, 3628800",
        "zero,     00 00 00 00 00 00 00 00, 0"
    })
    void decodesAndEncodesTheGoldenPeriods(String name, String hex, long seconds) throws Exception {
        byte[] wire = Hex.bytes(hex);
        assertEquals(Duration.ofSeconds(seconds), FileTimeInterval.decode(DN, "pKIExpirationPeriod", wire));
        assertArrayEquals(wire, FileTimeInterval.encode(Duration.ofSeconds(seconds)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 9, 16})
    void refusesAnyLengthButEight(int length) {
        AttributeDecodeException e = assertThrows(
                AttributeDecodeException.class,
                () -> FileTimeInterval.decode(DN, "pKIOverlapPeriod", new byte[length]));
        assertEquals(DN, e.dn());
        assertEquals("pKIOverlapPeriod", e.attribute());
        assertEquals(
                DN + ": pKIOverlapPeriod (expected: 8 bytes, actual length " + length + ", actual: " + e.value() + ")",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"01 00 00 00 00 00 00 00", "00 00 00 00 00 00 00 80"})
    void refusesPositiveAndUnnegatableValues(String hex) {
        AttributeDecodeException e = assertThrows(
                AttributeDecodeException.class,
                () -> FileTimeInterval.decode(DN, "pKIExpirationPeriod", Hex.bytes(hex)));
        assertEquals(
                DN + ": pKIExpirationPeriod (expected: a negative 100-ns interval, actual: " + hex + ")",
                e.getMessage());
    }
}
