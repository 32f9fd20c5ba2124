package org.cews.wcce.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One certificate request for the CA: the DER request, its format, the request attributes
 * ({@code CertificateTemplate}, {@code ccm}, ... as [MS-WCCE] 3.2.1.4.2.1.2 lists them) and
 * whether the answer should be a CMC full PKI response rather than a PKCS#7 certs-only.
 *
 * <p>Enrollment-agent mode (docs/ARCHITECTURE.md §4.2b): {@link #onBehalfOf(String)} marks the request
 * as made for another account, {@code DOMAIN\account}. The connector then signs it with its
 * Enrollment Agent certificate before submitting it: a CMC request carrying the requester's
 * PKCS#10 and the {@code requestername} pair ([MS-WCCE] 3.1.1.4.3.3.3), which the CA uses to build
 * the subject. The CA sees the connector's account as the caller and the requester as the subject.
 *
 * @param onBehalfOf the requester, {@code DOMAIN\account}, or {@code null} for a request as it is
 */
public record EnrollmentRequest(
        RequestFormat format, byte[] request, Map<String, String> attributes, boolean fullResponse, String onBehalfOf) {

    public EnrollmentRequest {
        if (format == null || request == null || request.length == 0) {
            throw new IllegalArgumentException("a request needs its format and its DER bytes");
        }
        request = request.clone();
        attributes = attributes == null ? Map.of() : new LinkedHashMap<>(attributes);
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (a.getKey().isEmpty()
                    || a.getKey().contains(":")
                    || a.getKey().contains("\n")
                    || a.getValue().contains("\n")
                    || a.getValue().contains("\0")) {
                throw new IllegalArgumentException("request attribute cannot be sent: " + a.getKey());
            }
        }
        if (onBehalfOf != null && !isAccountName(onBehalfOf)) {
            throw new IllegalArgumentException("requester name (expected: DOMAIN\\user, actual: "
                    + onBehalfOf.replaceAll("\\p{Cntrl}", "?") + ")");
        }
    }

    /** A request the connector submits as it is. */
    public EnrollmentRequest(
            RequestFormat format, byte[] request, Map<String, String> attributes, boolean fullResponse) {
        this(format, request, attributes, fullResponse, null);
    }

    /**
     * The same request, to be signed by the connector's enrollment agent on behalf of {@code
     * requesterName} ({@code DOMAIN\account}, the SAM name [MS-WCCE] 2.2.2.7.10 gives for
     * requestername). The request itself must then be a PKCS#10, or a CMS or CMC around one.
     */
    public EnrollmentRequest onBehalfOf(String requesterName) {
        return new EnrollmentRequest(format, request, attributes, fullResponse, requesterName);
    }

    /** Whether the connector must sign this request as an enrollment agent before it goes to the CA. */
    public boolean isOnBehalfOf() {
        return onBehalfOf != null;
    }

    private static boolean isAccountName(String name) {
        int slash = name.indexOf('\\');
        return slash > 0
                && slash == name.lastIndexOf('\\')
                && slash < name.length() - 1
                && name.strip().equals(name)
                && name.chars().noneMatch(Character::isISOControl);
    }

    @Override
    public byte[] request() {
        return request.clone();
    }

    @Override
    public Map<String, String> attributes() {
        return java.util.Collections.unmodifiableMap(attributes);
    }

    /** The attributes as the CA reads them: {@code Name:Value} lines joined by {@code \n}. */
    public String attributeString() {
        StringBuilder s = new StringBuilder();
        attributes.forEach((name, value) -> {
            if (s.length() > 0) {
                s.append('\n');
            }
            s.append(name).append(':').append(value);
        });
        return s.toString();
    }
}
