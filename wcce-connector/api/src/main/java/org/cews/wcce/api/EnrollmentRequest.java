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
 * <p>Renewal on behalf of another subject ([MS-WCCE] 3.2.2.6.2.1.2.4, docs/WSTEP.md §6): {@link
 * #renewingOnBehalf()} marks a renewal (a CMS signed with the old certificate's key) that the
 * connector submits with CR_IN_ROBO (0x00200000) in dwFlags. The CA then takes the key that signed
 * the renewal as its authentication and processes the request as if the old certificate's end
 * entity had called, whoever the connector's account is. Such a request is not signed by the
 * enrollment agent: the two marks exclude each other.
 *
 * @param onBehalfOf the requester, {@code DOMAIN\account}, or {@code null} for a request as it is
 * @param renewalOnBehalf whether the request is a renewal on behalf of its old certificate's subject
 */
public record EnrollmentRequest(
        RequestFormat format,
        byte[] request,
        Map<String, String> attributes,
        boolean fullResponse,
        String onBehalfOf,
        boolean renewalOnBehalf) {

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
        if (onBehalfOf != null && renewalOnBehalf) {
            throw new IllegalArgumentException(
                    "a renewal on behalf of another subject is authenticated by its own signature, not by the enrollment agent");
        }
    }

    /** A request the connector submits as it is, or signs on behalf of {@code onBehalfOf}. */
    public EnrollmentRequest(
            RequestFormat format,
            byte[] request,
            Map<String, String> attributes,
            boolean fullResponse,
            String onBehalfOf) {
        this(format, request, attributes, fullResponse, onBehalfOf, false);
    }

    /** A request the connector submits as it is. */
    public EnrollmentRequest(
            RequestFormat format, byte[] request, Map<String, String> attributes, boolean fullResponse) {
        this(format, request, attributes, fullResponse, null, false);
    }

    /**
     * The same request, to be signed by the connector's enrollment agent on behalf of {@code
     * requesterName} ({@code DOMAIN\account}, the SAM name [MS-WCCE] 2.2.2.7.10 gives for
     * requestername). The request itself must then be a PKCS#10, or a CMS or CMC around one.
     */
    public EnrollmentRequest onBehalfOf(String requesterName) {
        return new EnrollmentRequest(format, request, attributes, fullResponse, requesterName, false);
    }

    /**
     * The same request, a renewal signed with the old certificate's key, to be submitted with
     * CR_IN_ROBO ([MS-WCCE] 3.2.2.6.2.1.2.4): the CA issues to the old certificate's subject, not to
     * the connector's account.
     */
    public EnrollmentRequest renewingOnBehalf() {
        return new EnrollmentRequest(format, request, attributes, fullResponse, null, true);
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
