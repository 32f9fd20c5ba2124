package org.cews.lab.ca;

import java.util.Map;
import org.cews.wcce.msicpr.HResult;

/**
 * The HRESULTs the lab CA answers with that {@link HResult} does not name yet, with the winerror.h
 * names and the spec section that asks for each ([MS-WCCE] 3.2.1.4.2.1 and 3.2.2.6.2.1.x; the
 * table in docs/XCEP-WSTEP.md §3.7). Codes marked [inferred] are what AD CS is known to answer where the
 * spec only says "a nonzero error".
 */
public final class CertSrvErrors {

    /** [MS-WCCE] 3.2.1.4.2.1.4.1.1: PKCS#10 proof of possession failed. */
    public static final HResult NTE_BAD_SIGNATURE = new HResult(0x80090006);
    /** A key algorithm the template cannot take [inferred]. */
    public static final HResult NTE_BAD_ALGID = new HResult(0x80090008);
    /** Undecodable DER, as AD CS reports "Error Parsing Request" [inferred]. */
    public static final HResult CRYPT_E_ASN1_BADTAG = new HResult(0x8009310B);
    /** Truncated DER [inferred]. */
    public static final HResult CRYPT_E_ASN1_EOD = new HResult(0x80093102);
    /** DER longer or nested deeper than any request (lab bound, issue 11 item 5) [inferred]. */
    public static final HResult CRYPT_E_ASN1_LARGE = new HResult(0x80093104);
    /** A SignerInfo names a certificate the CMS does not carry [inferred]. */
    public static final HResult CRYPT_E_SIGNER_NOT_FOUND = new HResult(0x8009100E);
    /** A signer certificate outside its validity [inferred]. */
    public static final HResult CERT_E_EXPIRED = new HResult(0x800B0101);
    /** A signer certificate that does not chain to this CA [inferred]. */
    public static final HResult CERT_E_UNTRUSTEDROOT = new HResult(0x800B0109);
    /** No subject and no SAN to issue to ([MS-WCCE] 3.2.1.4.2.1.4.7). */
    public static final HResult CERTSRV_E_BAD_REQUESTSUBJECT = new HResult(0x80094001);
    /** [MS-WCCE] 3.2.1.4.2.1.4.2.1: the renewal attribute or the old certificate is missing or wrong. */
    public static final HResult CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE = new HResult(0x8009400E);
    /** [MS-WCCE] 3.2.2.6.2.1.4.5.7: the template requires key archival; the lab CA archives nothing. */
    public static final HResult CERTSRV_E_ARCHIVED_KEY_REQUIRED = new HResult(0x80094804);
    /**
     * The request is on behalf of a subject other than the caller (certsrv.h text): also a plain
     * renewal of another account's certificate, which [MS-WCCE] 3.2.2.6.2.1.2.4 wants flagged.
     */
    public static final HResult CERTSRV_E_BAD_RENEWAL_SUBJECT = new HResult(0x80094806);
    /** [MS-WCCE] 3.2.2.6.2.1.4.5.1: RA signatures required, none present. */
    public static final HResult CERTSRV_E_SIGNATURE_POLICY_REQUIRED = new HResult(0x80094809);
    /** [MS-WCCE] 3.2.2.6.2.1.4.5.1: fewer RA signatures than msPKI-RA-Signature. */
    public static final HResult CERTSRV_E_SIGNATURE_COUNT = new HResult(0x8009480A);
    /** [MS-WCCE] 3.2.2.6.2.1.4.5.3-4: an RA certificate lacks a required policy. */
    public static final HResult CERTSRV_E_SIGNATURE_REJECTED = new HResult(0x8009480B);
    /** [MS-WCCE] 3.2.2.6.2.1.4.5.9: no userPrincipalName for a UPN SAN [inferred code]. */
    public static final HResult CERTSRV_E_SUBJECT_UPN_REQUIRED = new HResult(0x8009480D);
    /** [MS-WCCE] 3.2.2.6.2.1.4.5.9: no objectGUID for a directory GUID SAN [inferred code]. */
    public static final HResult CERTSRV_E_SUBJECT_DIRECTORY_GUID_REQUIRED = new HResult(0x8009480E);
    /** [MS-WCCE] 3.2.2.6.2.1.4.5.2: the key is shorter than msPKI-Minimal-Key-Size. */
    public static final HResult CERTSRV_E_KEY_LENGTH = new HResult(0x80094811);
    /** [MS-WCCE] 3.2.2.6.2.1.4.5.9: no mail for an e-mail subject or SAN [inferred code]. */
    public static final HResult CERTSRV_E_SUBJECT_EMAIL_REQUIRED = new HResult(0x80094812);
    /** [MS-WCCE] 3.2.2.6.2.1.4.5.7: CT_FLAG_REQUIRE_SAME_KEY_RENEWAL and a new key. */
    public static final HResult CERTSRV_E_RENEWAL_BAD_PUBLIC_KEY = new HResult(0x80094816);
    /** HRESULT_FROM_WIN32(ERROR_NONE_MAPPED): no account for the caller or requester [inferred]. */
    public static final HResult ERROR_NONE_MAPPED = new HResult(0x80070534);
    /** HRESULT_FROM_WIN32(ERROR_DS_SERVER_DOWN): the directory could not be read [inferred]. */
    public static final HResult ERROR_DS_SERVER_DOWN = new HResult(0x8007203A);
    /** E_UNEXPECTED: a fault in the lab itself, never a verdict on the request. */
    public static final HResult E_UNEXPECTED = new HResult(0x8000FFFF);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(NTE_BAD_SIGNATURE.code(), "NTE_BAD_SIGNATURE"),
            Map.entry(NTE_BAD_ALGID.code(), "NTE_BAD_ALGID"),
            Map.entry(CRYPT_E_ASN1_BADTAG.code(), "CRYPT_E_ASN1_BADTAG"),
            Map.entry(CRYPT_E_ASN1_EOD.code(), "CRYPT_E_ASN1_EOD"),
            Map.entry(CRYPT_E_ASN1_LARGE.code(), "CRYPT_E_ASN1_LARGE"),
            Map.entry(CRYPT_E_SIGNER_NOT_FOUND.code(), "CRYPT_E_SIGNER_NOT_FOUND"),
            Map.entry(CERT_E_EXPIRED.code(), "CERT_E_EXPIRED"),
            Map.entry(CERT_E_UNTRUSTEDROOT.code(), "CERT_E_UNTRUSTEDROOT"),
            Map.entry(CERTSRV_E_BAD_REQUESTSUBJECT.code(), "CERTSRV_E_BAD_REQUESTSUBJECT"),
            Map.entry(CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE.code(), "CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE"),
            Map.entry(CERTSRV_E_ARCHIVED_KEY_REQUIRED.code(), "CERTSRV_E_ARCHIVED_KEY_REQUIRED"),
            Map.entry(CERTSRV_E_BAD_RENEWAL_SUBJECT.code(), "CERTSRV_E_BAD_RENEWAL_SUBJECT"),
            Map.entry(CERTSRV_E_SIGNATURE_POLICY_REQUIRED.code(), "CERTSRV_E_SIGNATURE_POLICY_REQUIRED"),
            Map.entry(CERTSRV_E_SIGNATURE_COUNT.code(), "CERTSRV_E_SIGNATURE_COUNT"),
            Map.entry(CERTSRV_E_SIGNATURE_REJECTED.code(), "CERTSRV_E_SIGNATURE_REJECTED"),
            Map.entry(CERTSRV_E_SUBJECT_UPN_REQUIRED.code(), "CERTSRV_E_SUBJECT_UPN_REQUIRED"),
            Map.entry(CERTSRV_E_SUBJECT_DIRECTORY_GUID_REQUIRED.code(), "CERTSRV_E_SUBJECT_DIRECTORY_GUID_REQUIRED"),
            Map.entry(CERTSRV_E_KEY_LENGTH.code(), "CERTSRV_E_KEY_LENGTH"),
            Map.entry(CERTSRV_E_SUBJECT_EMAIL_REQUIRED.code(), "CERTSRV_E_SUBJECT_EMAIL_REQUIRED"),
            Map.entry(CERTSRV_E_RENEWAL_BAD_PUBLIC_KEY.code(), "CERTSRV_E_RENEWAL_BAD_PUBLIC_KEY"),
            Map.entry(ERROR_NONE_MAPPED.code(), "ERROR_NONE_MAPPED"),
            Map.entry(ERROR_DS_SERVER_DOWN.code(), "ERROR_DS_SERVER_DOWN"),
            Map.entry(E_UNEXPECTED.code(), "E_UNEXPECTED"));

    private CertSrvErrors() {}

    /** {@code NAME (0x...)} for the codes above, {@link HResult#toString()} for the rest. */
    public static String describe(HResult hr) {
        String name = NAMES.get(hr.code());
        return name == null ? hr.toString() : name + String.format(" (0x%08X)", hr.code());
    }
}
