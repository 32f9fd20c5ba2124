package org.cews.client.soap;

/** The XML namespaces of CEP and CES messages ([MS-XCEP] 2.2.1, [MS-WSTEP] 2.2.1). */
public final class Namespaces {
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XCEP = "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy";
    public static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    public static final String WSTEP = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment";
    public static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private Namespaces() {}
}
