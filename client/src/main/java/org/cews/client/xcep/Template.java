package org.cews.client.xcep;

import java.util.List;
import java.util.OptionalInt;

/**
 * What the client needs of one CertificateEnrollmentPolicy ([MS-XCEP] 3.1.4.1.3.7) and its
 * Attributes (3.1.4.1.3.1): the template's name, OID reference, the CAs that issue it, schema
 * version, the caller's permissions, key and revision facts, and the flag words as sent.
 */
public record Template(
        String commonName,
        int policyOidReference,
        List<Integer> caReferences,
        int policySchema,
        boolean enroll,
        boolean autoEnroll,
        int minimalKeyLength,
        OptionalInt algorithmOidReference,
        int majorRevision,
        int minorRevision,
        long validitySeconds,
        Flags flags) {

    public Template {
        caReferences = List.copyOf(caReferences);
    }

    /** The four flag words of the template, raw ([MS-CRTD] 2.26-2.28, 2.4); absent reads as 0. */
    public record Flags(long privateKey, long subjectName, long enrollment, long general) {}
}
