package org.cews.policy.model;

/**
 * The authentication a CES endpoint takes: the authFlags field of msPKI-Enrollment-Servers, which
 * is XCEP clientAuthentication (docs/CA-RPC-AD.md §5.4, docs/XCEP-WSTEP.md §4.2). An open value.
 */
public record ClientAuthentication(int code) {

    public static final ClientAuthentication ANONYMOUS = new ClientAuthentication(1);
    public static final ClientAuthentication KERBEROS = new ClientAuthentication(2);
    public static final ClientAuthentication USERNAME_PASSWORD = new ClientAuthentication(4);
    public static final ClientAuthentication CERTIFICATE = new ClientAuthentication(8);

    @Override
    public String toString() {
        return switch (code) {
            case 1 -> "Anonymous";
            case 2 -> "Kerberos";
            case 4 -> "UsernamePassword";
            case 8 -> "Certificate";
            default -> "ClientAuthentication(" + code + ")";
        };
    }
}
