package org.cews.wcce.cmc;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The object identifiers of enroll-on-behalf-of requests. */
final class CmcOids {

    /** szOID_ENROLLMENT_NAME_VALUE_PAIR, [MS-WCCE] 2.2.2.7.10. */
    static final ASN1ObjectIdentifier NAME_VALUE_PAIR = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.2.1");

    /** szOID_CMC_ADD_ATTRIBUTES: the control Windows certreq puts its client attributes in. */
    static final ASN1ObjectIdentifier CMC_ADD_ATTRIBUTES = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.10.10.1");

    /** Certificate Request Agent EKU, [MS-WCCE] 3.2.2.6.2.1.2.1. */
    static final String CERTIFICATE_REQUEST_AGENT = "1.3.6.1.4.1.311.20.2.1";

    /** szOID_APPLICATION_CERT_POLICIES: Microsoft's application policies extension. */
    static final String APPLICATION_POLICIES = "1.3.6.1.4.1.311.21.10";

    /** id-alg-noSignature, RFC 5272 Appendix C.1 (RFC 2797 3.3.3.1 in the spec's citation). */
    static final ASN1ObjectIdentifier NO_SIGNATURE = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.6.2");

    private CmcOids() {}
}
