package org.cews.wcce.msicpr;

import java.util.HashMap;
import java.util.Map;

/**
 * An HRESULT as a CA returns it in CertServerRequest's return value or its disposition
 * ([MS-WCCE] 3.2.1.4.2.1, [MS-ICPR] 3.2.4.1.1; the codes a CES maps to SOAP faults). An open
 * value: an unknown code is kept and printed in hex.
 */
public record HResult(int code) {

    private static final Map<Integer, String> NAMES = new HashMap<>();

    public static final HResult S_OK = known(0x00000000, "S_OK");
    /** Bad CA name, or a pctbAttribs cb that does not match its string. */
    public static final HResult E_INVALIDARG = known(0x80070057, "E_INVALIDARG");

    public static final HResult E_ACCESSDENIED = known(0x80070005, "E_ACCESSDENIED");
    /** The value [MS-ICPR] 3.2.4.1.1 writes for a call below packet privacy; expect 0x80070005. */
    public static final HResult E_ACCESSDENIED_AS_DOCUMENTED = known(0x80000009, "E_ACCESSDENIED");

    public static final HResult ERROR_INVALID_DATA = known(0x8007000D, "ERROR_INVALID_DATA");
    /** What Windows returns when IF_NORPCICERTREQUEST is set. */
    public static final HResult RPC_S_SERVER_UNAVAILABLE = known(0x800706BA, "RPC_S_SERVER_UNAVAILABLE");

    public static final HResult CERTSRV_E_PROPERTY_EMPTY = known(0x80094004, "CERTSRV_E_PROPERTY_EMPTY");
    public static final HResult CERTSRV_E_RESTRICTEDOFFICER = known(0x80094009, "CERTSRV_E_RESTRICTEDOFFICER");
    public static final HResult CERTSRV_E_ENROLL_DENIED = known(0x80094011, "CERTSRV_E_ENROLL_DENIED");
    public static final HResult CERTSRV_E_TEMPLATE_DENIED = known(0x80094012, "CERTSRV_E_TEMPLATE_DENIED");
    public static final HResult CERTSRV_E_ADMIN_DENIED_REQUEST = known(0x80094014, "CERTSRV_E_ADMIN_DENIED_REQUEST");
    public static final HResult CERTSRV_E_UNSUPPORTED_CERT_TYPE = known(0x80094800, "CERTSRV_E_UNSUPPORTED_CERT_TYPE");
    public static final HResult CERTSRV_E_NO_CERT_TYPE = known(0x80094801, "CERTSRV_E_NO_CERT_TYPE");
    public static final HResult CERTSRV_E_TEMPLATE_CONFLICT = known(0x80094802, "CERTSRV_E_TEMPLATE_CONFLICT");
    public static final HResult CERTSRV_E_SUBJECT_ALT_NAME_REQUIRED =
            known(0x80094803, "CERTSRV_E_SUBJECT_ALT_NAME_REQUIRED");
    public static final HResult CERTSRV_E_BAD_TEMPLATE_VERSION = known(0x80094807, "CERTSRV_E_BAD_TEMPLATE_VERSION");
    public static final HResult CERTSRV_E_SUBJECT_DNS_REQUIRED = known(0x8009480F, "CERTSRV_E_SUBJECT_DNS_REQUIRED");
    public static final HResult CRYPT_E_INVALID_MSG_TYPE = known(0x80091004, "CRYPT_E_INVALID_MSG_TYPE");
    public static final HResult CRYPT_E_NO_SIGNER = known(0x8009200E, "CRYPT_E_NO_SIGNER");

    private static HResult known(int code, String name) {
        NAMES.put(code, name);
        return new HResult(code);
    }

    /** The severity bit is set. */
    public boolean isFailure() {
        return code < 0;
    }

    /**
     * Any of the access-denied forms a CA may answer a call below packet privacy with: the two
     * HRESULTs above and the bare Win32 code 5 (rpc_s_access_denied).
     */
    public boolean isAccessDenied() {
        return code == E_ACCESSDENIED.code || code == E_ACCESSDENIED_AS_DOCUMENTED.code || code == 5;
    }

    /** For example {@code CERTSRV_E_TEMPLATE_DENIED (0x80094012)}; an unknown code is {@code HRESULT (0x...)}. */
    @Override
    public String toString() {
        return NAMES.getOrDefault(code, "HRESULT") + String.format(" (0x%08X)", code);
    }
}
