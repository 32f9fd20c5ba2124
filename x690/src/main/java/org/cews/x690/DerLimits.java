package org.cews.x690;

/**
 * What one caller accepts: at most {@code maxLength} octets and {@code maxDepth} nested levels
 * (constructed values, X.690 §8.1.2.5; and, with {@code encapsulated}, contents of an OCTET
 * STRING or BIT STRING that decode as a constructed value, which a parser may decode later and
 * which then count as one more level); BER's indefinite length (X.690 §8.1.3.6, closed by
 * end-of-contents §8.1.5) only with {@code indefiniteLengths}, as DER forbids it (X.690 §10.1).
 */
public record DerLimits(int maxLength, int maxDepth, boolean indefiniteLengths, boolean encapsulated) {

    public DerLimits {
        if (maxLength <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException(
                    "DER limits (expected: positive, actual: " + maxLength + " octets, " + maxDepth + " levels)");
        }
    }

    /** DER only: definite lengths, encapsulated contents not walked. */
    public static DerLimits der(int maxLength, int maxDepth) {
        return new DerLimits(maxLength, maxDepth, false, false);
    }
}
