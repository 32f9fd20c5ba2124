package org.cews.wcce.ndr;

import static org.cews.wcce.ndr.GoldenHex.hex;
import static org.cews.wcce.ndr.GoldenHex.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NdrWriterTest {

    static Stream<Arguments> primitives() {
        return Stream.of(
                table("u8", w -> w.u8(0xAB), "ab"),
                table("u16 little-endian", w -> w.u16(0x1234), "34 12"),
                table("u32 little-endian", w -> w.u32(0x12345678), "78 56 34 12"),
                table("u64 little-endian", w -> w.u64(0x0102030405060708L), "08 07 06 05 04 03 02 01"),
                table("u16 after u8: one zero pad", w -> w.u8(1).u16(2), "01 | 00 | 02 00"),
                table("u32 after u8: three zero pads", w -> w.u8(1).u32(2), "01 | 00 00 00 | 02 00 00 00"),
                table(
                        "u64 after u32: aligned to 8",
                        w -> w.u32(1).u64(2),
                        "01 00 00 00 | 00 00 00 00 | 02 00 00 00 00 00 00 00"),
                table("bytes are not aligned", w -> w.u8(1).bytes(new byte[] {2, 3}), "01 02 03"),
                table(
                        "uuid in GUID byte order",
                        w -> w.uuid(UUID.fromString("91ae6020-9e3c-11cf-8d7c-00aa00c091be")),
                        "20 60 ae 91 | 3c 9e | cf 11 | 8d 7c 00 aa 00 c0 91 be"),
                table("conformant bytes", w -> w.conformantBytes(new byte[] {7, 8, 9}), "03 00 00 00 | 07 08 09"),
                table(
                        "conformant varying string",
                        w -> w.conformantVaryingString("AB"),
                        "03 00 00 00 | 00 00 00 00 | 03 00 00 00 | 41 00 42 00 00 00"),
                table(
                        "empty string is just the NUL",
                        w -> w.conformantVaryingString(""),
                        "01 00 00 00 | 00 00 00 00 | 01 00 00 00 | 00 00"),
                table("NULL pointer", w -> w.uniquePointer(null), "00 00 00 00"));
    }

    private static Arguments table(String name, Consumer<NdrWriter> write, String expected) {
        return Arguments.of(name, write, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primitives")
    void writesPrimitives(String name, Consumer<NdrWriter> write, String expected) {
        NdrWriter w = new NdrWriter();
        write.accept(w);
        assertEquals(hex(parse(expected)), hex(w.toByteArray()));
    }

    @Test
    void pointeesAreDeferredUntilFlushedAndNumberedTheMidlWay() {
        NdrWriter w = new NdrWriter();
        w.uniquePointer(x -> x.u32(0xAAAAAAAA));
        w.uniquePointer(null);
        w.uniquePointer(x -> x.u16(0xBBBB));
        w.flushDeferred();
        w.u8(0xCC);
        assertEquals(
                hex(
                        parse(
                                """
                        00 00 02 00   # referent id 0x00020000
                        00 00 00 00   # NULL: takes no id
                        04 00 02 00   # referent id 0x00020004
                        aa aa aa aa   # first pointee
                        bb bb         # second pointee
                        cc
                        """)),
                hex(w.toByteArray()));
    }

    @Test
    void nestedPointeesFollowTheirParentBeforeItsSiblings() {
        NdrWriter w = new NdrWriter(1, 1);
        w.uniquePointer(x -> x.u32(0xA0).uniquePointer(y -> y.u32(0xA1)));
        w.uniquePointer(x -> x.u32(0xB0));
        w.flushDeferred();
        assertEquals(
                hex(
                        parse(
                                """
                        01 00 00 00   # ptr A, id 1
                        02 00 00 00   # ptr B, id 2
                        a0 00 00 00   # A's pointee ...
                        03 00 00 00   #   ... which holds ptr A1, id 3
                        a1 00 00 00   # A1's pointee, before B's
                        b0 00 00 00   # B's pointee
                        """)),
                hex(w.toByteArray()));
    }

    @Test
    void explicitReferentIds() {
        NdrWriter w = new NdrWriter();
        w.uniquePointer(2, x -> x.u8(9)).flushDeferred();
        assertEquals("0200000009", hex(w.toByteArray()));
    }

    @Test
    void unflushedPointeesAreAProgrammingError() {
        NdrWriter w = new NdrWriter();
        w.uniquePointer(x -> x.u8(1));
        assertEquals(
                "1 deferred pointee(s) not flushed",
                assertThrows(IllegalStateException.class, w::toByteArray).getMessage());
    }

    @Test
    void stringsCannotHoldNul() {
        NdrWriter w = new NdrWriter();
        assertThrows(IllegalArgumentException.class, () -> w.conformantVaryingString("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> w.uniquePointer(0, x -> {}));
    }

    @Test
    void growsPastItsInitialBuffer() {
        NdrWriter w = new NdrWriter();
        w.bytes(new byte[1000]).u32(-1);
        assertEquals(1004, w.toByteArray().length);
        assertEquals(1004, w.position());
    }
}
