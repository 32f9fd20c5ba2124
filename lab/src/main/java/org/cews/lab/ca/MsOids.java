package org.cews.lab.ca;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The Microsoft OIDs the CA reads from requests and writes into certificates ([MS-WCCE] 2.2.2.7). */
public final class MsOids {

    /** [MS-WCCE] 2.2.2.7.3 szOID_RENEWAL_CERTIFICATE. */
    public static final ASN1ObjectIdentifier RENEWAL_CERTIFICATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.1");
    /** [MS-WCCE] 2.2.2.7.10 szOID_ENROLLMENT_NAME_VALUE_PAIR. */
    public static final ASN1ObjectIdentifier NAME_VALUE_PAIR = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.2.1");
    /** [MS-WCCE] 2.2.2.7.2 szOID_ENROLLMENT_CSP_PROVIDER. */
    public static final ASN1ObjectIdentifier CSP_PROVIDER = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.2.2");
    /** [MS-WCCE] 2.2.2.7.1 szOID_OS_VERSION. */
    public static final ASN1ObjectIdentifier OS_VERSION = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.2.3");
    /** [MS-WCCE] 2.2.2.7.7 szOID_CERT_EXTENSIONS. */
    public static final ASN1ObjectIdentifier CERT_EXTENSIONS = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.14");
    /** [MS-WCCE] 2.2.2.7.7.1 szOID_ENROLL_CERTTYPE: the v1 template name extension. */
    public static final ASN1ObjectIdentifier ENROLL_CERTTYPE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");
    /** Certificate Request Agent EKU (szOID_ENROLLMENT_AGENT). */
    public static final ASN1ObjectIdentifier ENROLLMENT_AGENT = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.1");
    /** [MS-WCCE] 2.2.2.7.5 szOID_NT_PRINCIPAL_NAME: the UPN otherName. */
    public static final ASN1ObjectIdentifier NT_PRINCIPAL_NAME = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");
    /** [MS-WCCE] 2.2.2.7.7.2 szOID_CERTIFICATE_TEMPLATE: the v2 template information extension. */
    public static final ASN1ObjectIdentifier CERTIFICATE_TEMPLATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.21.7");
    /** [MS-WCCE] 2.2.2.7.7.3 the application policies extension. */
    public static final ASN1ObjectIdentifier APPLICATION_POLICIES = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.21.10");
    /** [MS-WCCE] 2.2.2.7.11 szOID_ISSUED_CERT_HASH. */
    public static final ASN1ObjectIdentifier ISSUED_CERT_HASH = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.21.17");
    /** [MS-WCCE] 2.2.2.7.6 szOID_NTDS_REPLICATION: the directory GUID otherName. */
    public static final ASN1ObjectIdentifier NTDS_REPLICATION = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.25.1");
    /** [MS-WCCE] 2.2.2.7.7.4 szOID_NTDS_CA_SECURITY_EXT. */
    public static final ASN1ObjectIdentifier NTDS_CA_SECURITY_EXT = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.25.2");
    /** [MS-WCCE] 2.2.2.7.7.4 szOID_NTDS_OBJECTSID, the otherName inside it. */
    public static final ASN1ObjectIdentifier NTDS_OBJECTSID = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.25.2.1");
    /** [MS-WCCE] 3.2.1.4.2.1.4.8.2 szOID_CMC_ADD_ATTRIBUTES. */
    public static final ASN1ObjectIdentifier CMC_ADD_ATTRIBUTES = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.10.10.1");
    /** RFC 2797 3.3.3.1 id-alg-noSignature: a SignerInfo that proves nothing. */
    public static final ASN1ObjectIdentifier NO_SIGNATURE = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.6.2");

    private MsOids() {}
}
