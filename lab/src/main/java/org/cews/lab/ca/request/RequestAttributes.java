package org.cews.lab.ca.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request attributes as name/value pairs, in the order given: [MS-WCCE] 3.2.1.4.2.1.2 for
 * {@code pwszAttributes} ("Name:Value" lines separated by '\n'; blanks and minus signs before the
 * colon removed, blanks around the value trimmed, lines without a colon ignored), [MS-WCCE]
 * 2.2.2.6.3 for CMC RegInfo ("Name=Value" joined by '&amp;', percent-decoded, with the semantics of
 * pwszAttributes, 3.2.2.6.2.1.2.1.2), and 2.2.2.7.10 pairs. Every name is kept in the form the CA
 * compares ({@link #canonicalName}), whatever syntax it came in, so that {@code requester-name},
 * {@code Requester Name} and {@code REQUESTERNAME} are all the reserved requestername; names
 * compare case-insensitively, as AD CS does.
 */
public record RequestAttributes(List<Map.Entry<String, String>> pairs) {

    public static final RequestAttributes NONE = new RequestAttributes(List.of());

    public RequestAttributes {
        pairs = pairs.stream()
                .map(p -> Map.entry(canonicalName(p.getKey()), p.getValue()))
                .toList();
    }

    /**
     * A name as the CA compares it: blanks and minus signs removed wherever they are in it
     * ([MS-WCCE] 3.2.1.4.2.1.2, "even if they appear before or within the name string").
     */
    public static String canonicalName(String name) {
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** The {@code pwszAttributes} syntax of [MS-WCCE] 3.2.1.4.2.1.2. */
    public static RequestAttributes parse(String text) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = canonicalName(line.substring(0, colon));
            String value = line.substring(colon + 1).strip();
            if (!name.isEmpty()) {
                pairs.add(Map.entry(name, value));
            }
        }
        return new RequestAttributes(pairs);
    }

    /**
     * The RegInfo syntax of [MS-WCCE] 2.2.2.6.3; names and values may be URL-encoded, as certenroll
     * sends them ('+' is a blank), and a decoded name is then read as in pwszAttributes.
     */
    public static RequestAttributes parseRegInfo(String text) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String item : text.split("&", -1)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            pairs.add(Map.entry(
                    decode(item.substring(0, eq)).strip(),
                    decode(item.substring(eq + 1)).strip()));
        }
        return new RequestAttributes(pairs);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Every value given for {@code name} (in any spelling the CA normalises), in order. */
    public List<String> all(String name) {
        String wanted = canonicalName(name);
        return pairs.stream()
                .filter(p -> p.getKey().equalsIgnoreCase(wanted))
                .map(Map.Entry::getValue)
                .toList();
    }

    public Optional<String> first(String name) {
        return all(name).stream().findFirst();
    }

    public RequestAttributes plus(RequestAttributes more) {
        List<Map.Entry<String, String>> joined = new ArrayList<>(pairs);
        joined.addAll(more.pairs);
        return new RequestAttributes(joined);
    }
}
