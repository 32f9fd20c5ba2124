package org.cews.wcce.msicpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RequestFlags, RequestType, Disposition and HResult: open values that keep unknown codes. */
class CodesTest {

    @Test
    void requestFlagsPackTypeAndFlags() {
        RequestFlags flags = RequestFlags.of(RequestType.CMC, RequestFlag.FULL_RESPONSE, RequestFlag.CRLS);
        assertEquals(0x000C0400, flags.value());
        assertEquals(RequestType.CMC, flags.requestType());
        assertEquals(EnumSet.of(RequestFlag.CRLS, RequestFlag.FULL_RESPONSE), flags.flags());
        assertEquals("RequestFlags[CR_IN_CMC | CR_IN_CRLS | CR_IN_FULLRESPONSE]", flags.toString());
    }

    @Test
    void requestFlagBitsAreThoseOfTheSpec() {
        assertEquals(0x00080000, RequestFlag.CRLS.bit());
        assertEquals(0x00040000, RequestFlag.FULL_RESPONSE.bit());
        assertEquals(0x00200000, RequestFlag.ROBO_RENEWAL.bit());
        assertEquals(0x04000000, RequestFlag.CERTIFICATE_TRANSPARENCY.bit());
        assertEquals(0x08000000, RequestFlag.PRESIGN.bit());
        assertEquals(0x100, RequestType.PKCS10.code());
        assertEquals(0x200, RequestType.KEYGEN.code());
        assertEquals(0x300, RequestType.PKCS7.code());
        assertEquals(0x400, RequestType.CMC.code());
    }

    @Test
    void unknownBitsSurvive() {
        // 0x00100000 is certcli's CR_IN_MACHINE, a client-API flag this class does not model;
        // 0x7 lies in Padding2 and 0x0900 is a RequestType no spec defines.
        RequestFlags flags = new RequestFlags(0x00100907);
        assertEquals(0x00100007, flags.unknownBits());
        assertEquals(new RequestType(0x900), flags.requestType());
        assertEquals(Set.of(), flags.flags());
        assertEquals("RequestFlags[RequestType (0x0900) | 0x00100007]", flags.toString());
        assertEquals(0x00100907, flags.value());
    }

    @Test
    void requestTypeStaysInItsByte() {
        assertThrows(IllegalArgumentException.class, () -> new RequestType(0x10000));
    }

    @Test
    void dispositions() {
        assertEquals("CR_DISP_ISSUED (3)", Disposition.ISSUED.toString());
        assertEquals("CR_DISP_UNDER_SUBMISSION (5)", Disposition.UNDER_SUBMISSION.toString());
        assertEquals("CR_DISP_REVOKED (6)", new Disposition(6).toString());
        assertEquals("Disposition (7)", new Disposition(7).toString());
        assertEquals("CERTSRV_E_NO_CERT_TYPE (0x80094801)", new Disposition(0x80094801).toString());
        assertTrue(Disposition.ISSUED.isIssued());
        assertTrue(new Disposition(5).isPending());
        assertFalse(Disposition.DENIED.isIssued());
    }

    @Test
    void hresults() {
        assertEquals("CERTSRV_E_TEMPLATE_DENIED (0x80094012)", HResult.CERTSRV_E_TEMPLATE_DENIED.toString());
        assertEquals("CERTSRV_E_SUBJECT_DNS_REQUIRED (0x8009480F)", new HResult(0x8009480F).toString());
        assertEquals("S_OK (0x00000000)", HResult.S_OK.toString());
        assertEquals("HRESULT (0x8009ABCD)", new HResult(0x8009ABCD).toString());
        assertTrue(new HResult(0x80070057).isFailure());
        assertFalse(HResult.S_OK.isFailure());
        assertTrue(new HResult(0x80000009).isAccessDenied());
        assertTrue(new HResult(5).isAccessDenied());
        assertFalse(HResult.E_INVALIDARG.isAccessDenied());
    }

    @Test
    void interfaceIdentity() {
        assertEquals(
                "91ae6020-9e3c-11cf-8d7c-00aa00c091be",
                IcprInterface.SYNTAX.uuid().toString());
        assertEquals(0, IcprInterface.SYNTAX.major());
        assertEquals(0, IcprInterface.SYNTAX.minor());
        assertEquals(0, IcprInterface.OPNUM_CERT_SERVER_REQUEST);
    }

    @Test
    void certTransBlobStrings() throws Exception {
        assertTrue(CertTransBlob.ofString("").isEmpty());
        assertTrue(CertTransBlob.ofString(null).isEmpty());
        assertEquals(4, CertTransBlob.ofString("A").length());
        assertEquals("A", CertTransBlob.ofString("A").toUnicodeString("x"));
        assertEquals("", CertTransBlob.EMPTY.toUnicodeString("x"));
        byte[] content = {1, 2};
        CertTransBlob blob = new CertTransBlob(content);
        content[0] = 9;
        assertEquals(new CertTransBlob(new byte[] {1, 2}), blob);
    }
}
