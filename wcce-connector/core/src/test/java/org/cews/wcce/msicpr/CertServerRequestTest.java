package org.cews.wcce.msicpr;

import static org.cews.wcce.ndr.CodecAssertions.decodeFails;
import static org.cews.wcce.ndr.CodecAssertions.everyTruncationFails;
import static org.cews.wcce.ndr.GoldenHex.hex;
import static org.cews.wcce.ndr.GoldenHex.parse;
import static org.cews.wcce.ndr.GoldenHex.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.cews.wcce.ndr.NdrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertServerRequestTest {

    static final byte[] FAKE_PKCS10 = {0x30, 0x03, 0x02, 0x01, 0x05};

    static final CertServerRequest SUBMIT = CertServerRequest.submit(
            RequestFlags.of(RequestType.PKCS10), "CONTOSO-CA", "CertificateTemplate:User", FAKE_PKCS10);

    static final CertServerRequest RETRIEVE = CertServerRequest.retrieve(RequestFlags.NONE, "CONTOSO-CA", 42);

    static final String SUBMIT_FILE = "/org/cews/wcce/msicpr/cert-server-request-submit.hex";
    static final String RETRIEVE_FILE = "/org/cews/wcce/msicpr/cert-server-request-retrieve.hex";

    static Stream<Arguments> goldens() {
        return Stream.of(Arguments.of(SUBMIT_FILE, SUBMIT), Arguments.of(RETRIEVE_FILE, RETRIEVE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void encodesToTheGoldenBytes(String file, CertServerRequest request) {
        assertEquals(hex(resource(file)), hex(request.encode()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void decodesTheGoldenBytesAndReencodesThemExactly(String file, CertServerRequest request) throws NdrException {
        byte[] golden = resource(file);
        CertServerRequest decoded = CertServerRequest.decode(golden);
        assertEquals(request, decoded);
        assertEquals(hex(golden), hex(decoded.encode()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void everyTruncationIsACheckedException(String file, CertServerRequest request) {
        everyTruncationFails(resource(file), CertServerRequest::decode);
    }

    static Stream<CertServerRequest> variants() {
        byte[] big = new byte[1001];
        Arrays.fill(big, (byte) 0x5A);
        return Stream.of(
                CertServerRequest.submit(
                        RequestFlags.of(RequestType.PKCS7, RequestFlag.FULL_RESPONSE, RequestFlag.CRLS),
                        "Contoso Issuing CA \u00e9\u4e2d",
                        "CertificateTemplate:User\nccm:client1.contoso.com\nSAN:upn=\u00e9@contoso.com",
                        big),
                CertServerRequest.submit(new RequestFlags(0xFF1F0907), "", "", new byte[] {1}),
                CertServerRequest.retrieve(RequestFlags.of(RequestType.ANY, RequestFlag.CRLS), "CA", -1),
                new CertServerRequest(RequestFlags.NONE, null, 0, "", CertTransBlob.EMPTY));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void decodeOfEncodeIsIdentity(CertServerRequest request) throws NdrException {
        assertEquals(request, CertServerRequest.decode(request.encode()));
    }

    @Test
    void retrievalIsAnEmptyRequestBlobWithTheRequestId() {
        assertTrue(RETRIEVE.isRetrieval());
        assertEquals(42, RETRIEVE.requestId());
        assertEquals("", RETRIEVE.attributes());
        assertFalse(SUBMIT.isRetrieval());
    }

    @Test
    void nullAuthorityIsANullPointerAndSurvivesARoundTrip() throws NdrException {
        CertServerRequest request = new CertServerRequest(RequestFlags.NONE, null, 7, null, null);
        byte[] stub = request.encode();
        assertEquals(
                hex(
                        parse(
                                """
                        00 00 00 00                 # dwFlags
                        00 00 00 00                 # pwszAuthority NULL
                        07 00 00 00                 # pdwRequestId
                        00 00 00 00 00 00 00 00     # pctbAttribs empty
                        00 00 00 00 00 00 00 00     # pctbRequest empty
                        """)),
                hex(stub));
        CertServerRequest decoded = CertServerRequest.decode(stub);
        assertNull(decoded.authority());
        assertEquals(request, decoded);
    }

    @Test
    void attributesCannotHoldNul() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CertServerRequest.submit(RequestFlags.NONE, "CA", "a\0b", FAKE_PKCS10));
    }

    @Test
    void cbAndPbOfAnEmptyBlobAreZeroButANonNullEmptyPbIsReadAsEmpty() throws NdrException {
        // Lenient on read: cb 0 with a non-NULL pb (max_count 0) is the same empty blob.
        byte[] stub = parse(
                """
                00 00 00 00  00 00 00 00  2a 00 00 00
                00 00 00 00  00 00 02 00  00 00 00 00     # pctbAttribs: cb 0, pb non-NULL, max_count 0
                00 00 00 00  00 00 00 00
                """);
        assertEquals(new CertServerRequest(RequestFlags.NONE, null, 42, "", null), CertServerRequest.decode(stub));
    }

    /** A golden stub with the bytes from {@code offset} on replaced by {@code tail}. */
    static byte[] with(String file, int offset, String tail) {
        byte[] golden = resource(file);
        byte[] replacement = parse(tail);
        byte[] b = new byte[offset + replacement.length];
        System.arraycopy(golden, 0, b, 0, offset);
        System.arraycopy(replacement, 0, b, offset, replacement.length);
        return b;
    }

    static byte[] submitWith(int offset, String tail) {
        return with(SUBMIT_FILE, offset, tail);
    }

    static final String EMPTY_REQUEST_BLOB = " 00 00 00 00 00 00 00 00";

    static Stream<Arguments> hostile() {
        byte[] golden = resource(SUBMIT_FILE);
        byte[] trailing = Arrays.copyOf(golden, golden.length + 3);
        return Stream.of(
                Arguments.of(
                        "authority max_count 0x7fffffff",
                        submitWith(0x08, "ff ff ff 7f 00 00 00 00 ff ff ff 7f 41 00 00 00"),
                        "pwszAuthority actual_count (expected: <= 2, actual: 2147483647)"),
                Arguments.of(
                        "authority offset 1",
                        submitWith(0x08, "0b 00 00 00 01 00 00 00 0b 00 00 00"),
                        "pwszAuthority offset (expected: 0, actual: 1)"),
                Arguments.of(
                        "authority actual_count above max_count",
                        submitWith(0x08, "0a 00 00 00 00 00 00 00 0b 00 00 00"),
                        "pwszAuthority actual_count (expected: <= 10, actual: 11)"),
                Arguments.of(
                        "authority without its NUL",
                        submitWith(0x08, "02 00 00 00 00 00 00 00 02 00 00 00 43 00 41 00"),
                        "pwszAuthority terminator (expected: 0x0000, actual: 0x0041)"),
                Arguments.of(
                        "attribute blob of odd length",
                        submitWith(
                                0x30,
                                "31 00 00 00 04 00 02 00 31 00 00 00" + " 41".repeat(49) + " 00 00 00"
                                        + EMPTY_REQUEST_BLOB),
                        "pctbAttribs byte count (expected: even, actual: 49)"),
                Arguments.of(
                        "attribute blob without its NUL",
                        submitWith(0x30, "04 00 00 00 04 00 02 00 04 00 00 00 41 00 42 00" + EMPTY_REQUEST_BLOB),
                        "pctbAttribs terminator (expected: 0x0000, actual: 0x0042)"),
                Arguments.of(
                        "attribute blob with a NUL inside (cb does not match the string)",
                        submitWith(
                                0x30,
                                "06 00 00 00 04 00 02 00 06 00 00 00 41 00 00 00 00 00 | 00 00" + EMPTY_REQUEST_BLOB),
                        "pctbAttribs terminator (expected: at index 2, actual: at index 1)"),
                Arguments.of(
                        "request blob max_count 0x7fffffff",
                        submitWith(0x70, "ff ff ff 7f 08 00 02 00 ff ff ff 7f 30 03 02 01 05"),
                        "pctbRequest.pb max_count (expected: <= 5, actual: 2147483647)"),
                Arguments.of(
                        "request blob cb and max_count disagree",
                        submitWith(0x70, "06 00 00 00 08 00 02 00 05 00 00 00 30 03 02 01 05"),
                        "pctbRequest.pb max_count (expected: 6, actual: 5)"),
                Arguments.of(
                        "request blob with cb but a NULL pb",
                        submitWith(0x70, "05 00 00 00 00 00 00 00"),
                        "pctbRequest.pb (expected: non-NULL for cb 5, actual: NULL)"),
                Arguments.of(
                        "a referent id in front of the [ref] pctbAttribs",
                        with(RETRIEVE_FILE, 0x30, "00 00 02 00" + EMPTY_REQUEST_BLOB + EMPTY_REQUEST_BLOB),
                        "pctbAttribs.pb (expected: non-NULL for cb 131072, actual: NULL)"),
                Arguments.of("trailing garbage", trailing, "bytes after the stub (expected: 0, actual: 3)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileStubsGiveACheckedExceptionWithAStableMessage(String name, byte[] stub, String message) {
        assertEquals(message, decodeFails(stub, CertServerRequest::decode));
    }
}
