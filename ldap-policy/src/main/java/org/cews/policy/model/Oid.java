package org.cews.policy.model;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An object identifier in dotted-decimal form, as AD stores template OIDs, EKUs and policies
 * (syntax 2.5.5.12 strings). At least two arcs, the first 0, 1 or 2, every arc a decimal number.
 */
public record Oid(String value) {

    private static final BigInteger MAX_ARC_32 = BigInteger.valueOf(0xFFFF_FFFFL);

    public Oid {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a dotted-decimal OID: " + value);
        }
    }

    public static Optional<Oid> tryParse(String value) {
        return isValid(value) ? Optional.of(new Oid(value)) : Optional.empty();
    }

    static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > 512) {
            return false;
        }
        String[] arcs = value.split("\\.", -1);
        if (arcs.length < 2 || !(arcs[0].equals("0") || arcs[0].equals("1") || arcs[0].equals("2"))) {
            return false;
        }
        for (String arc : arcs) {
            if (arc.isEmpty() || arc.length() > 39 || !arc.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * True if every arc fits an unsigned 32-bit integer: Windows stops listing templates after one
     * whose OID has a larger arc (docs/XCEP-WSTEP.md §2.4 rule 5).
     */
    public boolean arcsFit32Bits() {
        for (String arc : value.split("\\.")) {
            if (new BigInteger(arc).compareTo(MAX_ARC_32) > 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
