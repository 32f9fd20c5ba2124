package org.cews.client.wstep;

import java.util.Map;
import java.util.Optional;

/**
 * An HRESULT as CertificateEnrollmentWSDetail/ErrorCode carries it (a signed 32-bit decimal,
 * [MS-WSTEP] 3.1.4.1.3.7), with the name and meaning of the common AD CS codes (winerror.h;
 * [MS-WCCE] 2.2.2.9 lists the certificate services codes).
 */
public record HResult(int value) {

    private record Known(String name, String meaning) {}

    private static final Map<Integer, Known> KNOWN = Map.ofEntries(
            known(0x80094012, "CERTSRV_E_TEMPLATE_DENIED", "you have no Enroll permission on the template"),
            known(0x80094800, "CERTSRV_E_UNSUPPORTED_CERT_TYPE", "the CA does not issue this template"),
            known(0x80094801, "CERTSRV_E_NO_CERT_TYPE", "the request names no template"),
            known(0x80094802, "CERTSRV_E_TEMPLATE_CONFLICT", "the request names more than one template"),
            known(0x80094807, "CERTSRV_E_BAD_TEMPLATE_VERSION", "the template version in the request is not the CA's"),
            known(
                    0x80094809,
                    "CERTSRV_E_SIGNATURE_POLICY_REQUIRED",
                    "the template requires signatures the request lacks"),
            known(
                    0x8009480A,
                    "CERTSRV_E_SIGNATURE_COUNT",
                    "the request has fewer authorized signatures than the template requires"),
            known(0x8009480D, "CERTSRV_E_SUBJECT_UPN_REQUIRED", "the account has no UPN, which the template needs"),
            known(
                    0x8009480F,
                    "CERTSRV_E_SUBJECT_DNS_REQUIRED",
                    "the account has no DNS name, which the template needs"),
            known(0x80094811, "CERTSRV_E_KEY_LENGTH", "the key is shorter than the template's minimum"),
            known(
                    0x80094812,
                    "CERTSRV_E_SUBJECT_EMAIL_REQUIRED",
                    "the account has no e-mail address, which the template needs"),
            known(0x80094816, "CERTSRV_E_RENEWAL_BAD_PUBLIC_KEY", "the renewal must keep the old key"),
            known(0x80094804, "CERTSRV_E_ARCHIVED_KEY_REQUIRED", "the template requires key archival"),
            known(0x80094001, "CERTSRV_E_BAD_REQUESTSUBJECT", "the request's subject is not acceptable"),
            known(0x80094003, "CERTSRV_E_BAD_REQUESTSTATUS", "the CA holds no pending request with this id"),
            known(0x80094004, "CERTSRV_E_PROPERTY_EMPTY", "a property the CA needs is empty"),
            known(0x80094009, "CERTSRV_E_RESTRICTEDOFFICER", "a restricted officer may not act on this request"),
            known(
                    0x8009400E,
                    "CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE",
                    "the renewal certificate in the request is not valid"),
            known(0x80094014, "CERTSRV_E_ADMIN_DENIED_REQUEST", "a CA officer denied the request"),
            known(0x80090006, "NTE_BAD_SIGNATURE", "a signature in the request does not verify"),
            known(0x80090005, "NTE_BAD_DATA", "the request is malformed"),
            known(0x80070005, "E_ACCESSDENIED", "access denied"),
            known(0x80070057, "E_INVALIDARG", "the request is not valid"),
            known(0x80004005, "E_FAIL", "unspecified failure"),
            known(0x800706BA, "RPC_S_SERVER_UNAVAILABLE", "the CA cannot be reached"),
            known(0x80070032, "ERROR_NOT_SUPPORTED", "the service does not support this request"));

    private static Map.Entry<Integer, Known> known(int code, String name, String meaning) {
        return Map.entry(code, new Known(name, meaning));
    }

    /** {@code 0x80094012}. */
    public String hex() {
        return String.format("0x%08X", value);
    }

    public Optional<String> name() {
        return Optional.ofNullable(KNOWN.get(value)).map(Known::name);
    }

    public Optional<String> meaning() {
        return Optional.ofNullable(KNOWN.get(value)).map(Known::meaning);
    }

    /** Reads the decimal ErrorCode (signed), or a {@code 0x} hex form. */
    public static Optional<HResult> parse(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Optional.of(new HResult((int) Long.parseLong(t.substring(2), 16)));
            }
            return Optional.of(new HResult((int) Long.parseLong(t)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
