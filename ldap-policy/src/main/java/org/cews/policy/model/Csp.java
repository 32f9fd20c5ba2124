package org.cews.policy.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One pKIDefaultCSPs value ([MS-CRTD] 2.8): {@code "<intNum>,<CSP name>"}, where a lower intNum
 * is preferred. XCEP lists the names in priority order without the prefix (docs/CA-RPC-AD.md §5.6).
 */
public record Csp(int priority, String name) {

    public static Csp parse(String dn, String attribute, String value) throws AttributeDecodeException {
        int comma = value.indexOf(',');
        if (comma <= 0 || comma == value.length() - 1) {
            throw new AttributeDecodeException(dn, attribute, value, "\"<priority>,<CSP name>\"");
        }
        String name = value.substring(comma + 1).trim();
        try {
            int priority = Integer.parseInt(value.substring(0, comma).trim());
            if (name.isEmpty()) {
                throw new NumberFormatException();
            }
            return new Csp(priority, name);
        } catch (NumberFormatException e) {
            throw new AttributeDecodeException(dn, attribute, value, "\"<priority>,<CSP name>\"");
        }
    }

    /** All values, sorted by priority; equal priorities keep their directory order. */
    public static List<Csp> parseAll(String dn, String attribute, List<String> values) throws AttributeDecodeException {
        List<Csp> csps = new ArrayList<>();
        for (String value : values) {
            csps.add(parse(dn, attribute, value));
        }
        csps.sort(Comparator.comparingInt(Csp::priority));
        return List.copyOf(csps);
    }
}
