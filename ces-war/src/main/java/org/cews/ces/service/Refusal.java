package org.cews.ces.service;

import java.util.Optional;
import org.cews.ces.CesMessage;
import org.cews.ces.pki.InspectionException;
import org.cews.ces.wstep.EnrollmentDetail;
import org.cews.ces.wstep.HResult;
import org.cews.ces.wstep.WstepFault;

/**
 * A request the CES refuses itself, before or instead of the CA, with the HRESULT AD CS would give
 * ([MS-WCCE] 3.2.2.6.2.1.4; docs/WSTEP.md §5). Becomes a Receiver fault with a
 * CertificateEnrollmentWSDetail, InvalidRequest true.
 */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int hresult;
    private final String reason;

    Refusal(HResult hresult, CesMessage id, Object... args) {
        this(hresult.signed(), id.format(args), id.text(args));
    }

    Refusal(int hresult, String message, String reason) {
        super(message);
        this.hresult = hresult;
        this.reason = reason;
    }

    static Refusal of(InspectionException e) {
        return new Refusal(e.hresult().signed(), e.getMessage(), e.reason());
    }

    int hresult() {
        return hresult;
    }

    WstepFault fault(Optional<String> requestId) {
        return new WstepFault(
                WstepFault.Code.RECEIVER,
                getMessage(),
                "Refused by the enrollment web service  " + HResult.hex(hresult) + ", " + reason,
                Optional.of(EnrollmentDetail.of(hresult, true, requestId)));
    }
}
