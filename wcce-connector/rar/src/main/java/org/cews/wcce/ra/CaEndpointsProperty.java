package org.cews.wcce.ra;

import jakarta.resource.spi.InvalidPropertyException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code CaEndpoints} property: the CAs to submit to, in the order to try them. Entries
 * are separated by {@code ;} or line breaks; each is a comma-separated list of {@code key=value}:
 *
 * <pre>
 * priority=1, config=ca01.example.com\Example Issuing CA, spn=host/ca01.example.com@EXAMPLE.COM;
 * priority=2, host=ca02.example.com, name=Example Issuing CA 2, port=135
 * </pre>
 *
 * {@code priority} (a whole number, lower first, as in msPKI-Enrollment-Servers) and the CA, as
 * {@code config=host\name} (certutil's CA config string) or as {@code host=} and {@code name=},
 * are required; {@code port} (the endpoint mapper's) defaults to 135; {@code spn} is the CA's
 * service principal, which Kerberos needs and NTLM sends as MsvAvTargetName ({@code host/<host>}
 * when absent). CAs of equal priority keep the order in which they are listed: the first
 * reachable one takes every submission (stable, so a request lands where the previous one did
 * and the audit trail stays readable; spreading load is left to several connection definitions).
 * Every error names the entry and what is wrong with it.
 */
final class CaEndpointsProperty {

    static final String NAME = "CaEndpoints";
    static final int DEFAULT_PORT = 135;
    private static final Set<String> KEYS = Set.of("priority", "config", "host", "name", "port", "spn");

    private CaEndpointsProperty() {}

    /** The CAs listed in {@code value}, sorted by priority, then by their place in the list. */
    static List<ConfiguredCa> parse(String value) throws InvalidPropertyException {
        List<ConfiguredCa> cas = new ArrayList<>();
        int position = 0;
        for (String entry : value.split("[;\\r\\n]")) {
            if (!entry.isBlank()) {
                position++;
                ConfiguredCa ca = entry(position, entry.strip());
                for (ConfiguredCa earlier : cas) {
                    if (earlier.host().equalsIgnoreCase(ca.host())
                            && earlier.port() == ca.port()
                            && earlier.name().equalsIgnoreCase(ca.name())) {
                        throw invalid(position, entry, "the same CA as entry " + earlier.position());
                    }
                }
                cas.add(ca);
            }
        }
        if (cas.isEmpty()) {
            throw new InvalidPropertyException(NAME + " lists no CA (expected: entries such as "
                    + "'priority=1, config=ca01.example.com\\Example CA', separated by ';')");
        }
        cas.sort(Comparator.comparingInt(ConfiguredCa::priority).thenComparingInt(ConfiguredCa::position));
        return List.copyOf(cas);
    }

    private static ConfiguredCa entry(int position, String entry) throws InvalidPropertyException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : entry.split(",")) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw invalid(position, entry, "'" + field.strip() + "' is not key=value");
            }
            String key = field.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String v = field.substring(eq + 1).strip();
            if (!KEYS.contains(key)) {
                throw invalid(
                        position, entry, "unknown key '" + key + "' (expected: " + String.join(", ", sorted()) + ")");
            }
            if (v.isEmpty()) {
                throw invalid(position, entry, key + " is empty");
            }
            if (fields.put(key, v) != null) {
                throw invalid(position, entry, key + " is given twice");
            }
        }
        String host = fields.get("host");
        String name = fields.get("name");
        String config = fields.get("config");
        if (config != null) {
            int backslash = config.indexOf('\\');
            if (host != null || name != null) {
                throw invalid(position, entry, "config= already gives host and name; drop host= and name=");
            }
            if (backslash <= 0 || backslash == config.length() - 1 || config.indexOf('\\', backslash + 1) >= 0) {
                throw invalid(position, entry, "config must be host\\CA name (actual: '" + config + "')");
            }
            host = config.substring(0, backslash).strip();
            name = config.substring(backslash + 1).strip();
        }
        if (host == null || name == null) {
            throw invalid(position, entry, "the CA is missing (expected: config=host\\CA name, or host= and name=)");
        }
        if (!fields.containsKey("priority")) {
            throw invalid(position, entry, "priority is missing (lower is tried first)");
        }
        int priority = number(position, entry, "priority", fields.get("priority"), 0, Integer.MAX_VALUE);
        int port = fields.containsKey("port")
                ? number(position, entry, "port", fields.get("port"), 1, 0xFFFF)
                : DEFAULT_PORT;
        return new ConfiguredCa(position, priority, name, host, port, fields.get("spn"));
    }

    private static int number(int position, String entry, String key, String value, int min, int max)
            throws InvalidPropertyException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the range
        }
        throw invalid(
                position,
                entry,
                key + " must be a whole number from " + min + " to " + max + " (actual: '" + value + "')");
    }

    private static List<String> sorted() {
        return KEYS.stream().sorted().toList();
    }

    private static InvalidPropertyException invalid(int position, String entry, String problem) {
        return new InvalidPropertyException(NAME + " entry " + position + " ('" + entry.strip() + "'): " + problem);
    }
}
