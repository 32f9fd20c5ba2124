package org.cews.lab.ca.policy;

import org.cews.wcce.msicpr.HResult;

/**
 * A rule of the enterprise policy algorithm ([MS-WCCE] 3.2.2.6.2.1.4) refused the request: the
 * HRESULT the CA puts in the disposition and the text after "Denied by Policy Module".
 */
public final class PolicyDenied extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HResult code;

    public PolicyDenied(HResult code, String message) {
        super(message);
        this.code = code;
    }

    public HResult code() {
        return code;
    }
}
