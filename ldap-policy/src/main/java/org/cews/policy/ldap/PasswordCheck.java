package org.cews.policy.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an account's password the way AD CS's web services do for a UsernameToken: the account's
 * own LDAP bind, on a connection of its own, over the directory's configured transport. Over LDAPS
 * or StartTLS (or the lab's plain LDAP read with a simple bind) that is a simple bind as the account
 * (RFC 4513 §5.1.3). Where the directory is read over plain LDAP with a GSSAPI bind, sealed by the
 * SASL layer, a DC that requires LDAP signing (AD's policy, Samba's default) refuses every simple
 * bind there ("strong auth required"), so the password is checked by a SASL GSSAPI bind as the
 * account with that password instead: a Kerberos login at the KDC, then a sealed bind to the DC,
 * which proves the DC too (docs/AUTHENTICATION.md §8). An empty password is refused before
 * anything is sent: a simple bind with a name and no password is an unauthenticated bind (RFC 4513
 * §5.1.2), which a server answers with success.
 */
public final class PasswordCheck {

    /** What the directory said about the password. */
    public record Outcome(boolean accepted, String reason) {}

    /**
     * Whether passwords are checked by Kerberos: the directory is read over plain LDAP with a GSSAPI
     * bind (sealed), where a DC that requires signing refuses simple binds.
     */
    public boolean byKerberos() {
        return connector.config().security() == TransportSecurity.NONE
                && connector.config().bind() instanceof BindMethod.GssapiKeytab;
    }

    /** AD's reason in the diagnostic message of result 49: {@code ... AcceptSecurityContext error, data 52e, ...}. */
    private static final Pattern AD_DATA = Pattern.compile("data ([0-9a-fA-F]{3})");

    private final DirectoryConnector connector;

    public PasswordCheck(DirectoryConnector connector) {
        this.connector = connector;
    }

    /**
     * @param bindDn the account's DN, as {@link AccountLookup} found it
     * @throws DirectoryException when no directory server can be asked (the password is then
     *     neither right nor wrong)
     */
    public Outcome verify(String bindDn, char[] password) throws DirectoryException {
        return verify(bindDn, null, password);
    }

    /**
     * @param bindDn the account's DN, as {@link AccountLookup} found it
     * @param principal the account's Kerberos name ({@code alice@LAB.EXAMPLE}), for {@link #byKerberos()}
     * @throws DirectoryException when no directory server (or KDC) can be asked
     */
    public Outcome verify(String bindDn, String principal, char[] password) throws DirectoryException {
        if (password.length == 0) {
            return new Outcome(false, "empty password (an empty simple bind is an anonymous bind)");
        }
        boolean kerberos = principal != null && byKerberos();
        String as = kerberos ? principal : bindDn;
        try (LDAPConnection connection = connector.connectUnbound()) {
            ResultCode result = connection
                    .bind(
                            kerberos
                                    ? new KeytabGssapiBind(principal, password)
                                    : new SimpleBindRequest(bindDn, new String(password)))
                    .getResultCode();
            return result == ResultCode.SUCCESS
                    ? new Outcome(true, "bound as " + as + (kerberos ? " by Kerberos" : ""))
                    : new Outcome(false, result.toString());
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return new Outcome(
                        false,
                        "invalid credentials"
                                + (kerberos ? Optional.ofNullable(e.getMessage()) : adReason(e.getDiagnosticMessage()))
                                        .map(r -> " (" + r + ")")
                                        .orElse(""));
            }
            throw new DirectoryException(
                    (kerberos ? "the Kerberos bind as " + principal : "the simple bind as " + bindDn)
                            + " could not be made (servers " + connector.describeServers()
                            + "): " + e.getResultCode()
                            + (e.getDiagnosticMessage() == null ? "" : ": " + e.getDiagnosticMessage()),
                    e);
        }
    }

    /** AD's sub-status of an invalid-credentials bind, as an administrator reads it. */
    static Optional<String> adReason(String diagnostic) {
        if (diagnostic == null) {
            return Optional.empty();
        }
        Matcher m = AD_DATA.matcher(diagnostic);
        if (!m.find()) {
            return Optional.empty();
        }
        String text =
                switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
                    case "525" -> "no such user";
                    case "52e" -> "wrong password";
                    case "530" -> "not permitted to log on at this time";
                    case "531" -> "not permitted to log on at this workstation";
                    case "532" -> "password expired";
                    case "533" -> "account disabled";
                    case "701" -> "account expired";
                    case "773" -> "the user must reset the password";
                    case "775" -> "account locked out";
                    default -> "data " + m.group(1);
                };
        return Optional.of(text);
    }
}
