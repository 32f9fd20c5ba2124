package org.cews.ces.wstep;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * wstep:CertificateEnrollmentWSDetail ([MS-WSTEP] 3.1.4.1.3.7): each field is written, nil when
 * absent, as AD CS does (docs/WSTEP.md §5).
 *
 * @param binaryResponse the CA's response blob, if it gave one
 * @param errorCode the HRESULT (signed)
 * @param invalidRequest true when the issuer denied the request; false for other errors
 * @param requestId the CA's request id, if there is one
 */
public record EnrollmentDetail(
        Optional<byte[]> binaryResponse,
        OptionalInt errorCode,
        Optional<Boolean> invalidRequest,
        Optional<String> requestId) {

    public EnrollmentDetail {
        binaryResponse = binaryResponse.map(byte[]::clone);
    }

    /** A refusal with its HRESULT; {@code requestId} when the CA gave one. */
    public static EnrollmentDetail of(int hresult, boolean invalidRequest, Optional<String> requestId) {
        return new EnrollmentDetail(Optional.empty(), OptionalInt.of(hresult), Optional.of(invalidRequest), requestId);
    }

    @Override
    public Optional<byte[]> binaryResponse() {
        return binaryResponse.map(byte[]::clone);
    }
}
