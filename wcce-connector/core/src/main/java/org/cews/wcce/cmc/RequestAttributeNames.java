package org.cews.wcce.cmc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Request attribute names as a CA compares them, and which of them an enrollment agent lets
 * through. [MS-WCCE] 3.2.1.4.2.1.2 has the CA remove blanks and minus signs before and within a
 * name of pwszAttributes, and gives RegInfo (2.2.2.6.3) and szOID_ENROLLMENT_NAME_VALUE_PAIR
 * (2.2.2.7.10) the same semantics; RegInfo is also percent-encoded. So {@code requester-name},
 * {@code Requester Name} and {@code requester%2Dname} all mean {@code requestername} to a CA.
 * {@link #normalise} errs on the side of finding a name: it percent-decodes until nothing changes,
 * removes blanks, control and invisible characters, every dash and '+' (form encoding's blank),
 * and folds case.
 *
 * <p>Reserved: the names [MS-WCCE] 2.2.2.7.10, 3.2.1.4.2.1.2 and 3.2.2.6.2.1.1 give a meaning
 * that steers issuance (whose name, which template, SANs, EKUs, validity, which DC to read the
 * requester from, ...). Allowed: the names the CES decides and the agent forwards to the CA.
 */
public final class RequestAttributeNames {

    /** Normalised names the CA acts on. */
    static final Set<String> RESERVED = Set.of(
            "requestername",
            "certificatetemplate",
            "san",
            "certificateusage",
            "validityperiod",
            "validityperiodunits",
            "expirationdate",
            "certfile",
            "certtype",
            "crlpartitionindex",
            "challenge",
            "requestid",
            "cdc",
            "rmd");

    /** What the CES may give the agent to forward, by normalised name, with the spelling sent. */
    private static final Map<String, String> ALLOWED =
            Map.of("certificatetemplate", "CertificateTemplate", "rmd", "rmd", "ccm", "ccm");

    private RequestAttributeNames() {}

    /** {@code name} as the CA would compare it (see the class comment). */
    public static String normalise(String name) {
        String decoded = name;
        for (int i = 0; i < 4; i++) {
            String again = RequesterName.percentDecode(decoded);
            if (again.equals(decoded)) {
                break;
            }
            decoded = again;
        }
        StringBuilder out = new StringBuilder();
        decoded.codePoints()
                .filter(c -> !Character.isWhitespace(c)
                        && !Character.isSpaceChar(c)
                        && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.DASH_PUNCTUATION
                        && c != '+'
                        && c != '\u2212')
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code name} normalises to a name the CA acts on. */
    static boolean isReserved(String name) {
        return RESERVED.contains(normalise(name));
    }

    /**
     * The attributes of the CES ({@code pwszAttributes}) that the agent forwards: each must
     * normalise to an allowed name and is sent under its usual spelling. Anything else (a reserved
     * name such as requestername or SAN in any spelling, or a name the agent does not know) is
     * refused, so that the agent's identity carries only what the CES decided.
     */
    public static Map<String, String> forwarded(Map<String, String> attributes) throws OnBehalfOfException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String spelled = ALLOWED.get(normalise(a.getKey()));
            if (spelled == null) {
                throw new OnBehalfOfException("request attribute " + printable(a.getKey())
                        + " (expected: one of "
                        + ALLOWED.values().stream().sorted().toList()
                        + " in enrollment-agent mode, actual: " + normalise(a.getKey()) + ")");
            }
            if (out.put(spelled, a.getValue()) != null) {
                throw new OnBehalfOfException(
                        "request attribute " + spelled + " (expected: once, actual: twice in other spellings)");
            }
        }
        return out;
    }

    /**
     * Checks one name the requester put in his own request: a reserved one is refused unless the
     * CES decided the same value for it ({@code decided} by normalised name).
     */
    static void checkRequesters(String name, String value, Map<String, String> decided, String where)
            throws OnBehalfOfException {
        String normal = normalise(name);
        if (!RESERVED.contains(normal)) {
            return;
        }
        String ces = decided.get(normal);
        if (ces != null && value != null && ces.strip().equalsIgnoreCase(value.strip())) {
            return;
        }
        throw new OnBehalfOfException(where + " attribute " + printable(name) + " (expected: no name the CA reserves"
                + " in a request the enrollment agent signs, actual: " + normal + "): only the CES decides it");
    }

    /** {@code decided} (the CES's attributes) keyed by normalised name. */
    static Map<String, String> byNormalisedName(Map<String, String> decided) {
        Map<String, String> out = new LinkedHashMap<>();
        decided.forEach((name, value) -> out.put(normalise(name), value));
        return out;
    }

    static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
