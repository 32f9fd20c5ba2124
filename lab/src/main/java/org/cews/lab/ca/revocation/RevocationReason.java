package org.cews.lab.ca.revocation;

import java.util.Arrays;
import java.util.Locale;

/**
 * The CRLReason codes an officer may give ([RFC 5280] §5.3.1; certutil -revoke takes the same
 * numbers, [MS-CSRA] 3.1.4.1.1 RevokeCertificate's Reason). 7 is unused by the RFC, and
 * removeFromCRL (8) only appears in delta CRLs, which the lab does not publish.
 */
public enum RevocationReason {
    UNSPECIFIED(0),
    KEY_COMPROMISE(1),
    CA_COMPROMISE(2),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    CESSATION_OF_OPERATION(5),
    CERTIFICATE_HOLD(6),
    PRIVILEGE_WITHDRAWN(9),
    AA_COMPROMISE(10);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The CRLReason value. */
    public int code() {
        return code;
    }

    /**
     * A reason by number ({@code 1}) or name ({@code keyCompromise}, {@code KEY_COMPROMISE}).
     *
     * @throws IllegalArgumentException for anything else, naming the accepted values
     */
    public static RevocationReason parse(String text) {
        String t = text == null ? "" : text.strip();
        for (RevocationReason r : values()) {
            if (t.equals(Integer.toString(r.code))
                    || t.equalsIgnoreCase(r.name())
                    || t.equalsIgnoreCase(r.name().replace("_", ""))) {
                return r;
            }
        }
        throw new IllegalArgumentException("revocation reason (expected: one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT) + " or its RFC 5280 code, actual: " + text + ")");
    }

    public static RevocationReason of(int code) {
        return parse(Integer.toString(code));
    }
}
