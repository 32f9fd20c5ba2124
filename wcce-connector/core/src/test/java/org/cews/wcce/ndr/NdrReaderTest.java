package org.cews.wcce.ndr;

import static org.cews.wcce.ndr.GoldenHex.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NdrReaderTest {

    /** What a test reads from a stub. */
    @FunctionalInterface
    interface Read {
        Object from(NdrReader r) throws NdrException;
    }

    @Test
    void mirrorsTheWriter() throws NdrException {
        UUID uuid = UUID.fromString("e1af8308-5d1f-11c9-91a4-08002b14a0fa");
        byte[] stub = new NdrWriter()
                .u8(1)
                .u16(0x1234)
                .u32(0xFEDCBA98)
                .u64(-2L)
                .uuid(uuid)
                .conformantBytes(new byte[] {5, 6})
                .conformantVaryingString("héllo")
                .toByteArray();
        NdrReader r = new NdrReader(stub);
        assertEquals(1, r.u8("a"));
        assertEquals(0x1234, r.u16("b"));
        assertEquals(0xFEDCBA98, r.u32("c"));
        assertEquals(-2L, r.u64("d"));
        assertEquals(uuid, r.uuid("e"));
        assertArrayEquals(new byte[] {5, 6}, r.conformantBytes("f"));
        assertEquals("héllo", r.conformantVaryingString("g"));
        r.expectEnd();
    }

    @Test
    void paddingContentIsIgnored() throws NdrException {
        // impacket pads with 0xAA, 0xAB, 0xBF or 0xCE; Windows with whatever was in its buffer.
        NdrReader r = new NdrReader(parse("01 ab ab ab 02 00 00 00"));
        assertEquals(1, r.u8("a"));
        assertEquals(2, r.u32("b"));
    }

    @Test
    void loneSurrogatesSurviveARoundTrip() throws NdrException {
        String odd = "a\uD800b";
        byte[] stub = new NdrWriter().conformantVaryingString(odd).toByteArray();
        assertEquals(odd, new NdrReader(stub).conformantVaryingString("s"));
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                hostile("u32 truncated", "01 02", r -> r.u32("dwFlags"), "dwFlags (expected: 4 bytes, actual: 2 left)"),
                hostile("u64 truncated", "", r -> r.u64("x"), "x (expected: 8 bytes, actual: 0 left)"),
                hostile(
                        "alignment past the end",
                        "01 00",
                        r -> r.u8("a") + r.u32("b"),
                        "b alignment (expected: 3 bytes, actual: 1 left)"),
                hostile(
                        "huge conformant count",
                        "ff ff ff 7f 00 00",
                        r -> r.conformantBytes("pb"),
                        "pb max_count (expected: <= 2, actual: 2147483647)"),
                hostile(
                        "conformant count with the top bit set",
                        "ff ff ff ff",
                        r -> r.conformantBytes("pb"),
                        "pb max_count (expected: <= 0, actual: 4294967295)"),
                hostile(
                        "string offset not 0",
                        "02 00 00 00 | 01 00 00 00 | 01 00 00 00 | 00 00",
                        r -> r.conformantVaryingString("s"),
                        "s offset (expected: 0, actual: 1)"),
                hostile(
                        "actual_count above max_count",
                        "01 00 00 00 | 00 00 00 00 | 02 00 00 00 | 41 00 00 00",
                        r -> r.conformantVaryingString("s"),
                        "s actual_count (expected: <= 1, actual: 2)"),
                hostile(
                        "huge actual_count",
                        "ff ff ff ff | 00 00 00 00 | ff ff ff 7f | 41 00",
                        r -> r.conformantVaryingString("s"),
                        "s actual_count (expected: <= 1, actual: 2147483647)"),
                hostile(
                        "empty string without even the NUL",
                        "00 00 00 00 | 00 00 00 00 | 00 00 00 00",
                        r -> r.conformantVaryingString("s"),
                        "s actual_count (expected: >= 1, actual: 0)"),
                hostile(
                        "string missing its NUL",
                        "02 00 00 00 | 00 00 00 00 | 02 00 00 00 | 41 00 42 00",
                        r -> r.conformantVaryingString("s"),
                        "s terminator (expected: 0x0000, actual: 0x0042)"),
                hostile(
                        "NUL inside the string",
                        "03 00 00 00 | 00 00 00 00 | 03 00 00 00 | 41 00 00 00 00 00",
                        r -> r.conformantVaryingString("s"),
                        "s terminator (expected: at index 2, actual: at index 1)"),
                hostile("negative byte count", "", r -> r.bytes(-1, "x"), "x byte count (expected: >= 0, actual: -1)"),
                hostile(
                        "trailing bytes",
                        "01 00 00 00 | ee ee ee",
                        r -> {
                            r.u32("x");
                            r.expectEnd();
                            return null;
                        },
                        "bytes after the stub (expected: 0, actual: 3)"));
    }

    private static Arguments hostile(String name, String hex, Read read, String message) {
        return Arguments.of(name, hex, read, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileBytesGiveACheckedExceptionWithAStableMessage(String name, String hex, Read read, String message) {
        NdrReader r = new NdrReader(parse(hex));
        assertEquals(
                message, assertThrows(NdrException.class, () -> read.from(r)).getMessage());
    }

    @Test
    void oddUtf16LengthsAreRefused() {
        assertEquals(
                "pctbAttribs byte count (expected: even, actual: 3)",
                assertThrows(NdrException.class, () -> Utf16Le.decodeWithNul(new byte[3], "pctbAttribs"))
                        .getMessage());
    }
}
