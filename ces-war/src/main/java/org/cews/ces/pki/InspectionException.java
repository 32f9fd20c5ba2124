package org.cews.ces.pki;

import org.cews.ces.CesMessage;
import org.cews.ces.wstep.HResult;

/**
 * A certificate request the CES refuses before anything reaches the CA: malformed or hostile DER,
 * a failed proof of possession, a key too short, a renewal that does not hold. The HRESULT is the
 * one AD CS would answer ([MS-WCCE] 3.2.1.4.2.1.4); the message carries the typed ID, the reason
 * is for the client.
 */
public class InspectionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final HResult hresult;
    private final String reason;

    public InspectionException(HResult hresult, CesMessage id, Object... args) {
        super(id.format(args));
        this.hresult = hresult;
        this.reason = id.text(args);
    }

    public HResult hresult() {
        return hresult;
    }

    public String reason() {
        return reason;
    }
}
