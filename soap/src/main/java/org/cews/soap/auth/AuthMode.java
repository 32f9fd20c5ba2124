package org.cews.soap.auth;

import java.util.Optional;

/**
 * How a caller proves who it is at one endpoint. The name is the one in Microsoft's URL shapes
 * ({@code ADPolicyProvider_CEP_<name>}, {@code <CA>_CES_<name>}); the code is the XCEP
 * clientAuthentication value that advertises the mode ([MS-XCEP] 3.1.4.1.3.3, CAURI). Key-based
 * renewal is not a mode of its own: it is {@link #CERTIFICATE} on an endpoint that serves renewals
 * only, and may accept a certificate that maps to no account.
 */
public enum AuthMode {
    /** HTTP Negotiate (SPNEGO or raw Kerberos) checked by Elytron with the HTTP service keytab. */
    KERBEROS("Kerberos", 2),
    /** WS-Security UsernameToken (PasswordText) in the SOAP header, checked against the directory. */
    USERNAME_PASSWORD("UsernamePassword", 4),
    /** A TLS client certificate, requested in the handshake and mapped to an account. */
    CERTIFICATE("Certificate", 8);

    private final String pathName;
    private final int xcepCode;

    AuthMode(String pathName, int xcepCode) {
        this.pathName = pathName;
        this.xcepCode = xcepCode;
    }

    /** As it stands in the endpoint paths, exact case (Samba and cepces build paths with it). */
    public String pathName() {
        return pathName;
    }

    /** The clientAuthentication value of [MS-XCEP] 3.1.4.1.3.3: 2, 4 or 8. */
    public int xcepCode() {
        return xcepCode;
    }

    /** The mode whose path name is {@code name}, without regard to case. */
    public static Optional<AuthMode> forPathName(String name) {
        for (AuthMode mode : values()) {
            if (mode.pathName.equalsIgnoreCase(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
