package org.cews.ces.wstep;

import java.util.Optional;

/**
 * A request the CES answers with a SOAP fault (HTTP 500): the fault code, a reason a person can
 * read (cepces prints it as certmonger's ca-error) and, when the CES has more to say, the
 * CertificateEnrollmentWSDetail ([MS-WSTEP] 3.1.4.1.3.7). The message carries the typed ID; the
 * reason does not.
 */
public class WstepFault extends Exception {

    private static final long serialVersionUID = 1L;

    /** SOAP 1.2 fault code: the request was bad (Sender) or the server refused or failed (Receiver). */
    public enum Code {
        SENDER,
        RECEIVER
    }

    private final Code code;
    private final String reason;
    private final transient Optional<EnrollmentDetail> detail;

    public WstepFault(Code code, String message, String reason, Optional<EnrollmentDetail> detail) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.detail = detail;
    }

    /** A Sender fault about the request's form, without detail. */
    public static WstepFault sender(String message, String reason) {
        return new WstepFault(Code.SENDER, message, reason, Optional.empty());
    }

    public Code code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public Optional<EnrollmentDetail> detail() {
        return detail;
    }
}
