package org.cews.cep.endpoint;

import java.util.Locale;
import java.util.Optional;

/**
 * The CEP endpoints, at Microsoft's URL shapes ([MS-XCEP] 4.1; ARCHITECTURE.md §4.5). Linux clients
 * (cepces) build these paths from a host name, so they are fixed. Each accepts only its own
 * authentication mode.
 */
public enum CepEndpoint {
    KERBEROS("ADPolicyProvider_CEP_Kerberos", "Kerberos (HTTP Negotiate)"),
    USERNAME_PASSWORD("ADPolicyProvider_CEP_UsernamePassword", "user name and password (WS-Security UsernameToken)"),
    CERTIFICATE("ADPolicyProvider_CEP_Certificate", "client certificate (TLS)"),
    KEY_BASED_RENEWAL(
            "KeyBasedRenewal_ADPolicyProvider_CEP_Certificate",
            "client certificate (TLS), key-based renewal: only templates that allow it");

    /** What follows the endpoint name in every CEP URL. */
    public static final String SUFFIX = "/service.svc/CEP";

    private final String pathName;
    private final String authentication;

    CepEndpoint(String pathName, String authentication) {
        this.pathName = pathName;
        this.authentication = authentication;
    }

    /** The path under the context root "/", for example {@code /ADPolicyProvider_CEP_Kerberos/service.svc/CEP}. */
    public String path() {
        return "/" + pathName + SUFFIX;
    }

    public String pathName() {
        return pathName;
    }

    public String authentication() {
        return authentication;
    }

    /** The endpoint at {@code path}; case does not matter ([MS-XCEP] 4.1 itself writes {@code service.svc/cep}). */
    public static Optional<CepEndpoint> forPath(String path) {
        String wanted = path.toLowerCase(Locale.ROOT);
        for (CepEndpoint endpoint : values()) {
            if (endpoint.path().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }
}
