package org.cews.soap.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a request path says about authentication: the endpoint name is its first segment,
 * {@code <prefix>_CEP_<mode>} or {@code <CA name>_CES_<mode>} (Microsoft's URL shapes,
 * docs/AUTHENTICATION.md §1), compared without regard to case as IIS does. Everything below such a
 * segment belongs to the endpoint, so a path the servlet would answer is never left unguarded
 * because of its spelling.
 *
 * @param mode the endpoint's authentication mode
 * @param keyBasedRenewal the endpoint name starts with {@code KeyBasedRenewal_}
 */
public record EndpointPath(AuthMode mode, boolean keyBasedRenewal) {

    private static final String KEY_BASED_RENEWAL = "keybasedrenewal_";

    /**
     * The endpoint a path below the context root belongs to ({@code /ADPolicyProvider_CEP_Kerberos/service.svc/CEP},
     * {@code /Lab-Issuing-CA_CES_Certificate/service.svc/CES}); empty for any other path.
     */
    public static Optional<EndpointPath> of(String pathInContext) {
        if (pathInContext == null || !pathInContext.startsWith("/")) {
            return Optional.empty();
        }
        int end = pathInContext.indexOf('/', 1);
        String segment =
                (end < 0 ? pathInContext.substring(1) : pathInContext.substring(1, end)).toLowerCase(Locale.ROOT);
        for (String service : new String[] {"_cep_", "_ces_"}) {
            int at = segment.lastIndexOf(service);
            if (at > 0) {
                Optional<AuthMode> mode = AuthMode.forPathName(segment.substring(at + service.length()));
                if (mode.isPresent()) {
                    return Optional.of(new EndpointPath(mode.get(), segment.startsWith(KEY_BASED_RENEWAL)));
                }
            }
        }
        return Optional.empty();
    }
}
