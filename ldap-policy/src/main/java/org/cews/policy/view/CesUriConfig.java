package org.cews.policy.view;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cews.policy.model.EnrollmentServer;
import org.cews.policy.model.EnrollmentService;

/**
 * The CES URIs each CA is advertised with (XCEP cA/uris, [MS-XCEP] 3.1.4.1.3.5): by default the
 * CA's msPKI-Enrollment-Servers from AD (docs/CA-RPC-AD.md §5.4); per CA, configuration may replace
 * them (our CES lives elsewhere than AD says) or add to them. CA names compare without regard to
 * case, as cn does.
 */
public record CesUriConfig(Map<String, CaUris> perCa) {

    /** Nothing configured: every CA keeps the URIs AD lists. */
    public static final CesUriConfig FROM_DIRECTORY = new CesUriConfig(Map.of());

    /** How configured URIs combine with AD's. */
    public enum Mode {
        /** Only the configured URIs. */
        REPLACE,
        /** AD's URIs and the configured ones; a configured URI with the same URL and authentication wins. */
        ADD
    }

    /** The configured URIs of one CA. */
    public record CaUris(Mode mode, List<EnrollmentServer> uris) {
        public CaUris {
            uris = List.copyOf(uris);
        }
    }

    public CesUriConfig {
        Map<String, CaUris> copy = new LinkedHashMap<>();
        perCa.forEach((name, uris) -> copy.put(key(name), uris));
        perCa = Map.copyOf(copy);
    }

    public CesUriConfig with(String caName, Mode mode, List<EnrollmentServer> uris) {
        Map<String, CaUris> copy = new LinkedHashMap<>(perCa);
        copy.put(key(caName), new CaUris(mode, uris));
        return new CesUriConfig(copy);
    }

    /** The URIs to advertise for {@code ca}, lowest priority number (most preferred) first. */
    public List<EnrollmentServer> urisFor(EnrollmentService ca) {
        CaUris configured = perCa.get(key(ca.cn()));
        Map<String, EnrollmentServer> byEndpoint = new LinkedHashMap<>();
        if (configured == null || configured.mode() == Mode.ADD) {
            ca.enrollmentServers().forEach(s -> byEndpoint.put(endpoint(s), s));
        }
        if (configured != null) {
            configured.uris().forEach(s -> byEndpoint.put(endpoint(s), s));
        }
        return byEndpoint.values().stream()
                .sorted(Comparator.comparingInt(EnrollmentServer::priority))
                .toList();
    }

    private static String endpoint(EnrollmentServer s) {
        URI uri = s.uri().normalize();
        return s.authentication().code() + " " + uri.toString().toLowerCase(Locale.ROOT);
    }

    private static String key(String caName) {
        return caName.toLowerCase(Locale.ROOT);
    }
}
