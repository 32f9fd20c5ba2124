package org.cews.policy.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SASLBindRequest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KeyTab;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;

/**
 * A SASL GSSAPI bind (RFC 4752; RFC 4513 §5.2) as a principal whose keys are in a keytab, or, to
 * check a user's password ({@link PasswordCheck}), as a principal with its password: a JAAS
 * Kerberos login with a configuration of its own, then the JDK's GSSAPI SASL client inside that
 * Subject, the SASL exchange carried by LDAP bind requests. A password the KDC refuses is result
 * 49 (invalid credentials), as a refused simple bind is.
 *
 * <p>Written instead of UnboundID's {@code GSSAPIBindRequest}, which on every bind sets JVM-wide
 * system properties (the JAAS configuration file, {@code java.security.krb5.kdc} and {@code
 * .realm}, {@code useSubjectCredsOnly}) and refreshes the JVM's JAAS configuration: inside WildFly
 * that changes Kerberos for the CA connector and Elytron too. Here nothing global changes: the KDC
 * comes from the JVM's krb5.conf, as for the connector.
 *
 * <p>The service is {@code ldap/<host>} with the host name the connection was opened to (the
 * {@link LdapServer#host()}), never an address: the KDC knows the DC by name (Samba: "Server not
 * found in Kerberos database" for {@code ldap/127.0.0.1}).
 *
 * <p>Protection: over TLS (LDAPS or StartTLS) the SASL layer is "auth" only, because AD and Samba
 * refuse signing or sealing inside TLS (Samba 4.17: "SASL:[GSSAPI]: Sign or Seal are not allowed if
 * TLS is used", unwilling to perform). Over plain LDAP it asks for confidentiality (or at least
 * integrity), which the DC's default "require strong auth" / LDAP signing policy demands, and
 * UnboundID then wraps the connection in the negotiated layer.
 */
final class KeytabGssapiBind extends SASLBindRequest {

    private static final long serialVersionUID = 1L;
    private static final String MECHANISM = "GSSAPI";
    private static final String QOP_INSIDE_TLS = "auth";
    private static final String QOP_PLAIN = "auth-conf,auth-int";

    /**
     * What the KDC answers to a wrong password or an account that may not log in ([RFC 4120] 7.5.9,
     * [MS-KILE] 3.3.5.7): principal unknown (6), credentials revoked (18: disabled, locked out),
     * password expired (23), pre-authentication failed (24). The JDK's login messages end in the code.
     */
    private static final Pattern REFUSED_BY_KDC = Pattern.compile("\\((6|18|23|24)\\)$");

    private final String principal;
    private final Path keytab;
    private final char[] password;

    KeytabGssapiBind(String principal, Path keytab, Control... controls) {
        super(controls);
        this.principal = principal;
        this.keytab = keytab;
        this.password = null;
    }

    /** As {@code principal} with its {@code password} instead of a keytab (copied; never logged). */
    KeytabGssapiBind(String principal, char[] password, Control... controls) {
        super(controls);
        this.principal = principal;
        this.keytab = null;
        this.password = password.clone();
    }

    @Override
    public String getSASLMechanismName() {
        return MECHANISM;
    }

    @Override
    protected BindResult process(LDAPConnection connection, int depth) throws LDAPException {
        Subject subject = login();
        String host = connection.getConnectedAddress();
        boolean tls = connection.getSSLSession() != null;
        SaslClient sasl;
        try {
            sasl = Subject.doAs(subject, (PrivilegedExceptionAction<SaslClient>) () -> Sasl.createSaslClient(
                    new String[] {MECHANISM},
                    null,
                    "ldap",
                    host,
                    Map.of(Sasl.QOP, tls ? QOP_INSIDE_TLS : QOP_PLAIN, Sasl.SERVER_AUTH, "true"),
                    null));
        } catch (PrivilegedActionException e) {
            throw failure("cannot start GSSAPI for ldap/" + host, e.getException());
        }
        if (sasl == null) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "the JVM has no SASL GSSAPI client");
        }
        boolean layered = false;
        try {
            BindResult result = exchange(subject, sasl, connection, host);
            if (result.getResultCode() == ResultCode.SUCCESS
                    && !QOP_INSIDE_TLS.equals(String.valueOf(sasl.getNegotiatedProperty(Sasl.QOP)))) {
                connection.applySASLSecurityLayer(sasl); // from here on the connection wraps with it
                layered = true;
            }
            return result;
        } finally {
            if (!layered) {
                dispose(sasl);
            }
        }
    }

    /** Client token, server token, ... until the server answers other than saslBindInProgress. */
    private BindResult exchange(Subject subject, SaslClient sasl, LDAPConnection connection, String host)
            throws LDAPException {
        byte[] token = sasl.hasInitialResponse() ? step(subject, sasl, new byte[0], host) : null;
        while (true) {
            BindResult result = sendBindRequest(
                    connection,
                    "",
                    token == null ? null : new ASN1OctetString(token),
                    getControls(),
                    getResponseTimeoutMillis(connection));
            if (result.getResultCode() != ResultCode.SASL_BIND_IN_PROGRESS) {
                return result;
            }
            ASN1OctetString challenge = result.getServerSASLCredentials();
            token = step(subject, sasl, challenge == null ? new byte[0] : challenge.getValue(), host);
        }
    }

    private byte[] step(Subject subject, SaslClient sasl, byte[] challenge, String host) throws LDAPException {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<byte[]>) () -> sasl.evaluateChallenge(challenge));
        } catch (PrivilegedActionException e) {
            throw failure("GSSAPI as " + principal + " to ldap/" + host + " failed", e.getException());
        }
    }

    /** The keytab login; the keytab is checked first because the JDK's own messages mislead. */
    private Subject login() throws LDAPException {
        if (password != null) {
            return passwordLogin();
        }
        if (!Files.isReadable(keytab)) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "keytab " + keytab + " does not exist or cannot be read");
        }
        try {
            KerberosPrincipal name = new KerberosPrincipal(principal, KerberosPrincipal.KRB_NT_PRINCIPAL);
            if (KeyTab.getInstance(name, new File(keytab.toString())).getKeys(name).length == 0) {
                // The JDK would say "Unable to obtain password from user".
                throw new LDAPException(
                        ResultCode.LOCAL_ERROR, "keytab " + keytab + " holds no key for " + name.getName());
            }
        } catch (IllegalArgumentException e) {
            throw new LDAPException(
                    ResultCode.LOCAL_ERROR,
                    "principal " + principal + " is not a Kerberos name (no realm given and none in krb5.conf?): "
                            + e.getMessage());
        }
        try {
            return kerberosLogin(
                    Map.of("keyTab", keytab.toString(), "useKeyTab", "true", "doNotPrompt", "true"), callbacks -> {});
        } catch (LoginException e) {
            throw new LDAPException(
                    ResultCode.LOCAL_ERROR,
                    "Kerberos login as " + principal + " with keytab " + keytab + " failed: " + e.getMessage(),
                    e);
        }
    }

    /** An AS exchange with the password; a refusal by the KDC is invalid credentials. */
    private Subject passwordLogin() throws LDAPException {
        try {
            return kerberosLogin(Map.of("useKeyTab", "false", "useTicketCache", "false"), callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback n) {
                        n.setName(principal);
                    } else if (callback instanceof PasswordCallback p) {
                        p.setPassword(password);
                    }
                }
            });
        } catch (LoginException e) {
            String why = String.valueOf(e.getMessage());
            ResultCode code = refusedByKdc(why) ? ResultCode.INVALID_CREDENTIALS : ResultCode.LOCAL_ERROR;
            throw new LDAPException(code, "Kerberos login as " + principal + " with a password failed: " + why, e);
        }
    }

    /** Whether the JDK's login failure {@code message} is the KDC refusing the credentials. */
    static boolean refusedByKdc(String message) {
        return REFUSED_BY_KDC.matcher(message).find();
    }

    /**
     * A JAAS Kerberos login as {@link #principal} with a configuration of its own: {@code options}
     * (how to get the keys) on top of the common ones; the JVM's krb5.conf read afresh.
     */
    private Subject kerberosLogin(Map<String, String> options, CallbackHandler callbacks) throws LoginException {
        Map<String, String> all = new HashMap<>(options);
        all.putAll(Map.of(
                "principal", principal, "storeKey", "false", "isInitiator", "true", "refreshKrb5Config", "true"));
        AppConfigurationEntry[] entries = {
            new AppConfigurationEntry(
                    "com.sun.security.auth.module.Krb5LoginModule",
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                    all)
        };
        Configuration configuration = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return entries.clone();
            }
        };
        LoginContext login = new LoginContext("cews-ldap", new Subject(), callbacks, configuration);
        login.login();
        return login.getSubject();
    }

    private static LDAPException failure(String what, Exception e) {
        String why = e.getMessage();
        if (e instanceof SaslException && e.getCause() != null) {
            why = why + " (" + e.getCause().getMessage() + ")";
        }
        return new LDAPException(ResultCode.LOCAL_ERROR, what + ": " + why, e);
    }

    private static void dispose(SaslClient sasl) {
        try {
            sasl.dispose();
        } catch (SaslException e) {
            // nothing held that matters
        }
    }

    @Override
    public KeytabGssapiBind duplicate() {
        return duplicate(getControls());
    }

    @Override
    public KeytabGssapiBind duplicate(Control[] controls) {
        return password == null
                ? new KeytabGssapiBind(principal, keytab, controls)
                : new KeytabGssapiBind(principal, password, controls);
    }

    @Override
    public void toString(StringBuilder buffer) {
        buffer.append("KeytabGssapiBind(principal=")
                .append(principal)
                .append(password == null ? ", keytab=" + keytab : ", password")
                .append(')');
    }
}
