package org.cews.ces.wstep;

/**
 * The names MS-WSTEP messages use: namespaces ([MS-WSTEP] 2.2.1), actions (3.1.4.1), request types
 * (3.1.4.1.2.7), the token type (3.1.4.1.2.8) and the BinarySecurityToken's value and encoding
 * types. Prefixes on the wire are not significant; every comparison is by namespace URI and local
 * name (docs/WSTEP.md §1).
 */
public final class Wstep {

    public static final String NS_WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    public static final String NS_WSTEP = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment";
    public static final String NS_WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String NS_AUTH = "http://schemas.xmlsoap.org/ws/2006/12/authorization";
    public static final String NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String NS_XSD = "http://www.w3.org/2001/XMLSchema";

    /** wsa:Action of RequestSecurityToken ([MS-WSTEP] 3.1.4.2). */
    public static final String ACTION_RST = NS_WSTEP + "/RST/wstep";
    /** wsa:Action of the answer, issued or pending. */
    public static final String ACTION_RSTRC = NS_WSTEP + "/RSTRC/wstep";
    /** wsa:Action of a key exchange token request ([MS-WSTEP] 3.1.4.2.2). */
    public static final String ACTION_KET = NS_WST + "/RST/KET";
    /** wsa:Action of AD CS's faults with a CertificateEnrollmentWSDetail (docs/WSTEP.md §5). */
    public static final String ACTION_DETAIL_FAULT =
            NS_WSTEP + "/RequestSecurityTokenCertificateEnrollmentWSDetailFault";

    public static final String REQUEST_ISSUE = NS_WST + "/Issue";
    public static final String REQUEST_QUERY_TOKEN_STATUS = NS_WSTEP + "/QueryTokenStatus";
    public static final String REQUEST_KET = NS_WST + "/KET";

    public static final String TOKEN_TYPE_X509V3 =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
    public static final String VALUE_TYPE_PKCS7 = NS_WSSE + "#PKCS7";
    public static final String ENCODING_BASE64 = NS_WSSE + "#base64binary";

    private Wstep() {}
}
