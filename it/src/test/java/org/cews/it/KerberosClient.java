package org.cews.it;

import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Base64;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import org.ietf.jgss.ChannelBinding;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * A JDK GSS-API initiator logged in to the tier's lab KDC with a lab user's password (its own JAAS
 * configuration; the JVM's krb5.conf is the lab's): it makes the Negotiate tokens a Kerberos
 * client sends to {@code HTTP@localhost}, as SPNEGO or as a bare Kerberos AP-REQ.
 */
final class KerberosClient {

    static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    static final Oid KRB5 = oid("1.2.840.113554.1.2.2");

    private final Subject subject;

    private KerberosClient(Subject subject) {
        this.subject = subject;
    }

    /** Logs {@code user} (no realm) in with {@code password}. */
    static KerberosClient login(String user, String password) throws Exception {
        System.setProperty(
                "java.security.krb5.conf", labDir().resolve("krb5.conf").toString());
        Configuration jaas = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(
                            "com.sun.security.auth.module.Krb5LoginModule",
                            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                            Map.of("refreshKrb5Config", "true", "storeKey", "false", "doNotPrompt", "false"))
                };
            }
        };
        LoginContext login = new LoginContext(
                "cews-it",
                new Subject(),
                callbacks -> {
                    for (var callback : callbacks) {
                        if (callback instanceof NameCallback n) {
                            n.setName(user + "@LAB.EXAMPLE");
                        } else if (callback instanceof PasswordCallback p) {
                            p.setPassword(password.toCharArray());
                        }
                    }
                },
                jaas);
        login.login();
        return new KerberosClient(login.getSubject());
    }

    static Path labDir() {
        return Path.of(System.getProperty("cews.lab.dir"));
    }

    /** A new context's first token for HTTP@localhost, Base64 for the Authorization header. */
    String firstToken(Oid mechanism) throws Exception {
        return firstToken(mechanism, null);
    }

    /** The same, with a channel binding in the authenticator checksum when {@code binding} is given. */
    String firstToken(Oid mechanism, ChannelBinding binding) throws Exception {
        return Subject.doAs(subject, (PrivilegedExceptionAction<String>) () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSName service = manager.createName("HTTP@localhost", GSSName.NT_HOSTBASED_SERVICE);
            GSSContext context = manager.createContext(service, mechanism, null, GSSContext.DEFAULT_LIFETIME);
            context.requestMutualAuth(true);
            context.requestCredDeleg(false);
            if (binding != null) {
                context.setChannelBinding(binding);
            }
            byte[] token = context.initSecContext(new byte[0], 0, 0);
            return Base64.getEncoder().encodeToString(token);
        });
    }

    private static Oid oid(String value) {
        try {
            return new Oid(value);
        } catch (org.ietf.jgss.GSSException e) {
            throw new IllegalArgumentException(value, e);
        }
    }
}
