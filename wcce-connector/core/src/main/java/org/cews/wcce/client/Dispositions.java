package org.cews.wcce.client;

import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;

/**
 * Reads a CertServerRequest answer the way a Windows client does ([MS-WCCE] 3.2.1.4.2.1,
 * [MS-ICPR] 3.2.4.1.1; docs/CA-RPC-AD.md §1.4): CR_DISP_ISSUED (3) and CR_DISP_UNDER_SUBMISSION (5) are
 * outcomes; a refusal comes either as an HRESULT in place of the disposition (a new request the
 * policy denied) or as CR_DISP_DENIED (2) with the HRESULT in the return value (a retrieved request
 * an officer denied). Anything else is reported with the number the CA sent. Every result names
 * the CA that answered, {@code caName} (the session's {@code pwszAuthority}): a pending request
 * can only be asked of that CA, and the CES says which CA issued or denied.
 */
final class Dispositions {

    /** E_FAIL: the CA gave no reason. */
    static final int E_FAIL = 0x80004005;

    private Dispositions() {}

    static EnrollmentResult toResult(CertServerRequestResponse r, String caName) {
        int id = r.requestId();
        String message = r.dispositionMessage();
        int code = r.disposition().code();
        if (code == Disposition.ISSUED.code()) {
            return new EnrollmentResult.Issued(
                    id, r.encodedCert().bytes(), r.cert().bytes(), message, caName);
        }
        if (code == Disposition.UNDER_SUBMISSION.code()) {
            return new EnrollmentResult.Pending(id, message, caName);
        }
        if (code < 0) {
            return new EnrollmentResult.Denied(id, code, message, caName); // an HRESULT in place of a disposition
        }
        int returned = r.returnValue().code();
        return new EnrollmentResult.Denied(id, returned != HResult.S_OK.code() ? returned : E_FAIL, message, caName);
    }
}
