package org.cews.ces.wstep;

/**
 * The HRESULTs the CES puts in a fault's ErrorCode ([MS-WSTEP] 3.1.4.1.3.7), by their winerror.h
 * names; the CERTSRV_E values are those [MS-WCCE] gives the CA (3.2.1.4.2.1.4, 3.2.2.6.2.1.4).
 * ErrorCode is xs:int: {@link #signed()} is the value on the wire.
 */
public enum HResult {
    E_ACCESSDENIED(0x80070005),
    ERROR_INVALID_DATA(0x8007000D),
    ERROR_NOT_SUPPORTED(0x80070032),
    E_INVALIDARG(0x80070057),
    NTE_BAD_SIGNATURE(0x80090006),
    CRYPT_E_INVALID_MSG_TYPE(0x80091004),
    CRYPT_E_NO_SIGNER(0x8009200E),
    CERTSRV_E_BAD_REQUESTSTATUS(0x80094003),
    CERTSRV_E_PROPERTY_EMPTY(0x80094004),
    CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE(0x8009400E),
    CERTSRV_E_TEMPLATE_DENIED(0x80094012),
    CERTSRV_E_UNSUPPORTED_CERT_TYPE(0x80094800),
    CERTSRV_E_NO_CERT_TYPE(0x80094801),
    CERTSRV_E_TEMPLATE_CONFLICT(0x80094802),
    CERTSRV_E_KEY_LENGTH(0x80094811),
    CERTSRV_E_RENEWAL_BAD_PUBLIC_KEY(0x80094816),
    E_FAIL(0x80004005),
    CERT_E_EXPIRED(0x800B0101),
    CERT_E_UNTRUSTEDROOT(0x800B0109);

    private final int code;

    HResult(int code) {
        this.code = code;
    }

    /** The HRESULT as a signed 32-bit value: what ErrorCode carries in decimal. */
    public int signed() {
        return code;
    }

    /** {@code 0x80094012}. */
    public String hex() {
        return hex(code);
    }

    public static String hex(int hresult) {
        return String.format("0x%08X", hresult);
    }
}
