package org.cews.client.xcep;

import java.util.Locale;
import java.util.Optional;

/**
 * The clientAuthentication values of a CAURI ([MS-XCEP] 3.1.4.1.3.5): one value per URI, not a
 * bit mask. Unknown values are kept as plain ints in {@link CaUri} and match no mode.
 */
public enum ClientAuthentication {
    ANONYMOUS(1, "Anonymous"),
    KERBEROS(2, "Kerberos"),
    USERNAME_PASSWORD(4, "UsernamePassword"),
    CERTIFICATE(8, "Certificate");

    private final int code;
    private final String label;

    ClientAuthentication(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The name Microsoft's URL paths use ({@code ..._CEP_UsernamePassword}). */
    public String label() {
        return label;
    }

    public static Optional<ClientAuthentication> of(int code) {
        for (ClientAuthentication a : values()) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Reads {@code kerberos}, {@code password}/{@code usernamepassword}, {@code certificate}, {@code anonymous}. */
    public static Optional<ClientAuthentication> parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "kerberos", "negotiate" -> Optional.of(KERBEROS);
            case "password", "usernamepassword", "username" -> Optional.of(USERNAME_PASSWORD);
            case "certificate", "cert" -> Optional.of(CERTIFICATE);
            case "anonymous", "none" -> Optional.of(ANONYMOUS);
            default -> Optional.empty();
        };
    }

    /** A human label for a raw code, known or not. */
    public static String describe(int code) {
        return of(code).map(ClientAuthentication::label).orElse("unknown(" + code + ")");
    }
}
