package org.cews.wcce.api;

/**
 * The format of a certificate request, as the RequestType field of the ICPR dwFlags gives it to
 * the CA ([MS-WCCE] 3.2.1.4.3.1.1): PKCS#10, CMS (wrapping a PKCS#10 or CMC) or CMC, or let the CA
 * find out.
 */
public enum RequestFormat {
    DETECT(0x000),
    PKCS10(0x100),
    CMS(0x300),
    CMC(0x400);

    private final int requestType;

    RequestFormat(int requestType) {
        this.requestType = requestType;
    }

    /** The value of the RequestType field (mask 0x0000FF00). */
    public int requestType() {
        return requestType;
    }
}
