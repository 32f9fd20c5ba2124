package org.cews.wcce.msicpr;

import java.util.List;

/**
 * [MS-WCCE] 3.2.1.4.2.1 pdwDisposition: what the CA did with the request. 3 is issued, 5 pending;
 * a CA reports a failure as an HRESULT in this field, which {@link #toString()} names. An open
 * value: any code is kept.
 */
public record Disposition(int code) {

    private static final List<String> NAMES = List.of(
            "CR_DISP_INCOMPLETE",
            "CR_DISP_ERROR",
            "CR_DISP_DENIED",
            "CR_DISP_ISSUED",
            "CR_DISP_ISSUED_OUT_OF_BAND",
            "CR_DISP_UNDER_SUBMISSION",
            "CR_DISP_REVOKED");

    /** 0; also what status inspection reports for a foreign certificate. */
    public static final Disposition INCOMPLETE = new Disposition(0);

    public static final Disposition ERROR = new Disposition(1);
    public static final Disposition DENIED = new Disposition(2);
    public static final Disposition ISSUED = new Disposition(3);
    public static final Disposition ISSUED_OUT_OF_BAND = new Disposition(4);
    /** Pending: retrieve later with the request id. */
    public static final Disposition UNDER_SUBMISSION = new Disposition(5);

    public static final Disposition REVOKED = new Disposition(6);

    public boolean isIssued() {
        return code == ISSUED.code;
    }

    public boolean isPending() {
        return code == UNDER_SUBMISSION.code;
    }

    /** The code read as an HRESULT (meaningful when it is a failure code). */
    public HResult asHResult() {
        return new HResult(code);
    }

    @Override
    public String toString() {
        if (code >= 0 && code < NAMES.size()) {
            return NAMES.get(code) + " (" + code + ")";
        }
        return code < 0 ? asHResult().toString() : "Disposition (" + code + ")";
    }
}
