package org.cews.cep.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.cews.cep.CepMessages;
import org.cews.policy.model.ClientAuthentication;
import org.cews.policy.model.EnrollmentServer;
import org.cews.policy.view.CesUriConfig;
import org.cews.policy.view.ViewConfig;
import org.cews.soap.auth.AuthMode;

/**
 * The CEP's settings, from WildFly system properties (deploy/cli/configure-services.cli):
 *
 * <ul>
 *   <li>{@code cews.cep.policyId} (required): the stable policyID ([MS-XCEP] 3.1.4.1.3.23);
 *   <li>{@code cews.cep.friendlyName}: policyFriendlyName, nil when unset;
 *   <li>{@code cews.cep.nextUpdateHours}: default 8, as AD CS ([MS-XCEP] 7 &lt;4&gt;);
 *   <li>{@code cews.cep.cesUris}: the CES URIs per CA, replacing the CA's msPKI-Enrollment-Servers:
 *       entries separated by {@code ;}, each {@code ca=<name>, priority=<n>,
 *       authentication=Kerberos|UsernamePassword|Certificate (or 1, 2, 4, 8), renewalOnly=true|false,
 *       uri=<URL>}. Unset: every CA keeps AD's.
 * </ul>
 */
public record CepSettings(ViewConfig view, OptionalInt nextUpdateHours) {

    public static final String POLICY_ID = "cews.cep.policyId";
    public static final String FRIENDLY_NAME = "cews.cep.friendlyName";
    public static final String NEXT_UPDATE_HOURS = "cews.cep.nextUpdateHours";
    public static final String CES_URIS = "cews.cep.cesUris";

    /** @throws IllegalArgumentException naming the setting that is missing or cannot be used */
    public static CepSettings from(Function<String, String> properties) {
        String policyId = value(properties, POLICY_ID)
                .orElseThrow(() -> new IllegalArgumentException(CepMessages.CEP0302.format(
                        POLICY_ID, "a stable identifier, the same on every CEP serving this forest")));
        Optional<String> name = value(properties, FRIENDLY_NAME);
        int hours = value(properties, NEXT_UPDATE_HOURS).map(v -> hours(v)).orElse(8);
        CesUriConfig uris =
                value(properties, CES_URIS).map(CepSettings::cesUris).orElse(CesUriConfig.FROM_DIRECTORY);
        return new CepSettings(new ViewConfig(policyId, name, uris), OptionalInt.of(hours));
    }

    private static int hours(String value) {
        try {
            int hours = Integer.parseInt(value);
            if (hours >= 1) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                CepMessages.CEP0301.format(NEXT_UPDATE_HOURS, value, "a whole number of hours, at least 1"));
    }

    static CesUriConfig cesUris(String value) {
        Map<String, List<EnrollmentServer>> perCa = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String entry : value.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            Map<String, String> fields = fields(entry);
            String ca = require(fields, "ca", entry);
            EnrollmentServer server = new EnrollmentServer(
                    integer(require(fields, "priority", entry), entry),
                    authentication(require(fields, "authentication", entry), entry),
                    bool(fields.getOrDefault("renewalonly", "false"), entry),
                    uri(require(fields, "uri", entry), entry));
            String key = ca.toLowerCase(Locale.ROOT);
            names.putIfAbsent(key, ca);
            perCa.computeIfAbsent(key, k -> new ArrayList<>()).add(server);
        }
        CesUriConfig config = CesUriConfig.FROM_DIRECTORY;
        for (Map.Entry<String, List<EnrollmentServer>> e : perCa.entrySet()) {
            config = config.with(names.get(e.getKey()), CesUriConfig.Mode.REPLACE, e.getValue());
        }
        return config;
    }

    private static Map<String, String> fields(String entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : entry.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw invalid(entry, "name=value pairs separated by commas");
            }
            fields.put(
                    part.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                    part.substring(eq + 1).trim());
        }
        return fields;
    }

    private static String require(Map<String, String> fields, String name, String entry) {
        String value = fields.get(name.toLowerCase(Locale.ROOT));
        if (value == null || value.isEmpty()) {
            throw invalid(entry, name + "= in every entry");
        }
        return value;
    }

    private static int integer(String value, String entry) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(entry, "priority as a whole number");
        }
    }

    private static ClientAuthentication authentication(String value, String entry) {
        Optional<AuthMode> mode = AuthMode.forPathName(value);
        if (mode.isPresent()) {
            return new ClientAuthentication(mode.get().xcepCode());
        }
        return switch (value) {
            case "1", "2", "4", "8" -> new ClientAuthentication(Integer.parseInt(value));
            default -> throw invalid(entry, "authentication Kerberos, UsernamePassword, Certificate (or 1, 2, 4, 8)");
        };
    }

    private static boolean bool(String value, String entry) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(entry, "renewalOnly true or false");
        };
    }

    private static URI uri(String value, String entry) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(entry, "uri as an absolute URL");
    }

    private static IllegalArgumentException invalid(String entry, String expected) {
        return new IllegalArgumentException(CepMessages.CEP0301.format(CES_URIS, entry.trim(), expected));
    }

    private static Optional<String> value(Function<String, String> properties, String name) {
        return Optional.ofNullable(properties.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
