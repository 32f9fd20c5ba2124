package org.cews.wcce.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.CertTransBlob;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.junit.jupiter.api.Test;

/**
 * Each outcome of a CertServerRequest answer ([MS-WCCE] 3.2.1.4.2.1) names the CA it came from,
 * the session's {@code pwszAuthority}.
 */
class DispositionsTest {

    private static final String CA = "Lab Issuing CA";

    @Test
    void issuedNamesTheCaAndKeepsCertificateAndChain() {
        EnrollmentResult result = Dispositions.toResult(
                new CertServerRequestResponse(
                        7,
                        Disposition.ISSUED,
                        new CertTransBlob(new byte[] {9, 9}),
                        new CertTransBlob(new byte[] {1, 2}),
                        "Issued",
                        HResult.S_OK),
                CA);
        EnrollmentResult.Issued issued = assertInstanceOf(EnrollmentResult.Issued.class, result);
        assertEquals(CA, issued.caName());
        assertEquals(7, issued.requestId());
        assertArrayEquals(new byte[] {1, 2}, issued.certificate());
        assertArrayEquals(new byte[] {9, 9}, issued.chainOrFullResponse());
    }

    @Test
    void pendingNamesTheCaThatHoldsIt() {
        EnrollmentResult result = Dispositions.toResult(
                new CertServerRequestResponse(
                        8, Disposition.UNDER_SUBMISSION, null, null, "Taken Under Submission", HResult.S_OK),
                CA);
        assertEquals(new EnrollmentResult.Pending(8, "Taken Under Submission", CA), result);
    }

    @Test
    void aPolicyDenialInPlaceOfTheDispositionNamesTheCa() {
        EnrollmentResult result = Dispositions.toResult(
                new CertServerRequestResponse(
                        9,
                        new Disposition(HResult.CERTSRV_E_TEMPLATE_DENIED.code()),
                        null,
                        null,
                        "Denied by Policy Module",
                        HResult.S_OK),
                CA);
        assertEquals(
                new EnrollmentResult.Denied(9, HResult.CERTSRV_E_TEMPLATE_DENIED.code(), "Denied by Policy Module", CA),
                result);
    }

    @Test
    void anOfficersDenialWithTheHresultInTheReturnValueNamesTheCa() {
        EnrollmentResult result = Dispositions.toResult(
                new CertServerRequestResponse(
                        10, Disposition.DENIED, null, null, "", HResult.CERTSRV_E_ADMIN_DENIED_REQUEST),
                CA);
        EnrollmentResult.Denied denied = assertInstanceOf(EnrollmentResult.Denied.class, result);
        assertEquals(CA, denied.caName());
        assertEquals("0x80094014", denied.hresultHex());
    }

    @Test
    void aResultWithoutACaNameIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Dispositions.toResult(
                        new CertServerRequestResponse(11, Disposition.DENIED, null, null, "", HResult.S_OK), " "));
        assertEquals("a denial needs the name of the CA that answered", e.getMessage());
    }
}
