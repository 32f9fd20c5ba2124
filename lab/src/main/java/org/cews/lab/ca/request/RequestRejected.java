package org.cews.lab.ca.request;

import org.cews.wcce.msicpr.HResult;

/**
 * The request blob could not be used ([MS-WCCE] 3.2.1.4.2.1.4: "the CA MUST return a nonzero
 * error"): the HRESULT AD CS answers and a message of the form {@code what (expected: X, actual:
 * Y)}. The CA records it as a failed request; it never leaves {@code process()} as an exception.
 */
public final class RequestRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HResult code;

    public RequestRejected(HResult code, String message) {
        super(message);
        this.code = code;
    }

    public RequestRejected(HResult code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public HResult code() {
        return code;
    }
}
