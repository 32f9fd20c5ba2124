package org.cews.wcce.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One certificate request for the CA: the DER request, its format, the request attributes
 * ({@code CertificateTemplate}, {@code ccm}, ... as [MS-WCCE] 3.2.1.4.2.1.2 lists them) and
 * whether the answer should be a CMC full PKI response rather than a PKCS#7 certs-only.
 */
public record EnrollmentRequest(
        RequestFormat format, byte[] request, Map<String, String> attributes, boolean fullResponse) {

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
