package org.cews.wcce.msicpr;

import static org.cews.wcce.ndr.CodecAssertions.decodeFails;
import static org.cews.wcce.ndr.CodecAssertions.everyTruncationFails;
import static org.cews.wcce.ndr.GoldenHex.hex;
import static org.cews.wcce.ndr.GoldenHex.parse;
import static org.cews.wcce.ndr.GoldenHex.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.cews.wcce.ndr.NdrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertServerRequestResponseTest {

    static final CertServerRequestResponse ISSUED = new CertServerRequestResponse(
            42,
            Disposition.ISSUED,
            new CertTransBlob(new byte[] {0x30, 0x02, 0x05, 0x00}),
            new CertTransBlob(new byte[] {0x30, 0x03, 0x02, 0x01, 0x07}),
            "Issued",
            HResult.S_OK);

    static final CertServerRequestResponse DENIED = new CertServerRequestResponse(
            43,
            new Disposition(HResult.CERTSRV_E_TEMPLATE_DENIED.code()),
            CertTransBlob.EMPTY,
            CertTransBlob.EMPTY,
            "Denied by Policy Module",
            HResult.S_OK);

    static final String ISSUED_FILE = "/org/cews/wcce/msicpr/cert-server-request-response-issued.hex";
    static final String DENIED_FILE = "/org/cews/wcce/msicpr/cert-server-request-response-denied.hex";

    static Stream<Arguments> goldens() {
        return Stream.of(Arguments.of(ISSUED_FILE, ISSUED), Arguments.of(DENIED_FILE, DENIED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void encodesToTheGoldenBytes(String file, CertServerRequestResponse response) {
        assertEquals(hex(resource(file)), hex(response.encode()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void decodesTheGoldenBytesAndReencodesThemExactly(String file, CertServerRequestResponse response)
            throws NdrException {
        byte[] golden = resource(file);
        CertServerRequestResponse decoded = CertServerRequestResponse.decode(golden);
        assertEquals(response, decoded);
        assertEquals(hex(golden), hex(decoded.encode()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void everyTruncationIsACheckedException(String file, CertServerRequestResponse response) {
        everyTruncationFails(resource(file), CertServerRequestResponse::decode);
    }

    static Stream<CertServerRequestResponse> variants() {
        return Stream.of(
                new CertServerRequestResponse(
                        7, Disposition.UNDER_SUBMISSION, null, null, "Taken Under Submission \u00e9", HResult.S_OK),
                new CertServerRequestResponse(0, new Disposition(0x80094801), null, null, "", new HResult(0x800706BA)),
                new CertServerRequestResponse(
                        -1,
                        Disposition.ISSUED,
                        new CertTransBlob(new byte[3000]),
                        new CertTransBlob(new byte[1]),
                        "x",
                        HResult.S_OK));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void decodeOfEncodeIsIdentity(CertServerRequestResponse response) throws NdrException {
        assertEquals(response, CertServerRequestResponse.decode(response.encode()));
    }

    @Test
    void aDeniedDispositionReadsAsItsHresult() throws NdrException {
        CertServerRequestResponse denied = CertServerRequestResponse.decode(resource(DENIED_FILE));
        assertEquals(
                "CERTSRV_E_TEMPLATE_DENIED (0x80094012)", denied.disposition().toString());
        assertEquals(HResult.CERTSRV_E_TEMPLATE_DENIED, denied.disposition().asHResult());
        assertTrue(denied.cert().isEmpty());
    }

    @Test
    void dispositionMessageWithoutItsNulIsRefused() {
        byte[] stub = parse(
                """
                2a 00 00 00 | 05 00 00 00          # request 42, pending
                00 00 00 00 00 00 00 00            # pctbCert empty
                00 00 00 00 00 00 00 00            # pctbEncodedCert empty
                04 00 00 00 | 00 00 02 00          # pctbDispositionMessage cb 4
                04 00 00 00 | 50 00 65 00          #   "Pe", no NUL
                00 00 00 00                        # return value
                """);
        assertEquals(
                "pctbDispositionMessage terminator (expected: 0x0000, actual: 0x0065)",
                decodeFails(stub, CertServerRequestResponse::decode));
    }

    @Test
    void anAccessDeniedReturnValueWithEmptyOutputs() throws NdrException {
        // What a CA answers below packet privacy when IF_ENFORCEENCRYPTICERTREQUEST is set.
        byte[] stub = parse(
                """
                00 00 00 00 | 00 00 00 00
                00 00 00 00 00 00 00 00 | 00 00 00 00 00 00 00 00 | 00 00 00 00 00 00 00 00
                05 00 07 80                        # E_ACCESSDENIED
                """);
        CertServerRequestResponse response = CertServerRequestResponse.decode(stub);
        assertTrue(response.returnValue().isAccessDenied());
        assertEquals("", response.dispositionMessage());
        assertEquals(hex(stub), hex(response.encode()));
    }
}
