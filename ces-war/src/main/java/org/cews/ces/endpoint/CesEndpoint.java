package org.cews.ces.endpoint;

import java.util.Locale;
import java.util.Optional;

/**
 * A CES endpoint path, {@code /<CA name>_CES_<auth>/service.svc/CES} (Microsoft's URL shape; see
 * ../shared/protocols/XCEP-WSTEP.md §4.1). CEP advertises these URLs, so clients never build them;
 * the CA name is the one the resource adapter is configured with.
 */
public record CesEndpoint(String caName, Authentication authentication) {

    /** What follows the endpoint name in every CES URL. */
    public static final String SUFFIX = "/service.svc/CES";

    private static final String MARKER = "_CES_";

    /** The three authentication modes of a CES, as they appear in its URL. */
    public enum Authentication {
        KERBEROS("Kerberos", "Kerberos (HTTP Negotiate)"),
        USERNAME_PASSWORD("UsernamePassword", "user name and password (WS-Security UsernameToken)"),
        CERTIFICATE("Certificate", "client certificate (TLS); also key-based renewal");

        private final String pathName;
        private final String description;

        Authentication(String pathName, String description) {
            this.pathName = pathName;
            this.description = description;
        }

        public String pathName() {
            return pathName;
        }

        public String description() {
            return description;
        }
    }

    /** The path below the CES context root, for example {@code /Lab-Issuing-CA_CES_Kerberos/service.svc/CES}. */
    public String path() {
        return "/" + caName + MARKER + authentication.pathName() + SUFFIX;
    }

    /**
     * The endpoint at {@code path} (decoded, below the context root), if it names {@code caName}.
     * Case does not matter, as on IIS.
     */
    public static Optional<CesEndpoint> forPath(String path, String caName) {
        for (Authentication authentication : Authentication.values()) {
            CesEndpoint candidate = new CesEndpoint(caName, authentication);
            if (candidate.path().toLowerCase(Locale.ROOT).equals(path.toLowerCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
