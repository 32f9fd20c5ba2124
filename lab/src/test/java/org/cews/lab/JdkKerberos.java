package org.cews.lab;

import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * The JDK's own Kerberos (JAAS Krb5LoginModule and JGSS) pointed at a lab krb5.conf: an
 * independent client and acceptor for the lab's KDC and keytabs. Each login refreshes the JDK's
 * Kerberos configuration from {@code java.security.krb5.conf}, so tests with different KDC ports
 * can share one JVM.
 */
public final class JdkKerberos {

    public static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    public static final Oid KRB5_PRINCIPAL_NAME = oid("1.2.840.113554.1.2.2.1");

    private JdkKerberos() {}

    /** A TGT for {@code user} obtained with its password. */
    public static Subject login(Path krb5Conf, String user, String password) throws Exception {
        System.setProperty("java.security.krb5.conf", krb5Conf.toString());
        Map<String, String> options = new HashMap<>();
        options.put("refreshKrb5Config", "true");
        options.put("useTicketCache", "false");
        options.put("storeKey", "false");
        options.put("principal", user);
        Subject subject = new Subject();
        new LoginContext("lab", subject, callbacks -> answer(callbacks, user, password), configuration(options))
                .login();
        return subject;
    }

    /** The keys of {@code principal} from {@code keytab}, as an acceptor. */
    public static Subject acceptorLogin(Path krb5Conf, String principal, Path keytab) throws Exception {
        System.setProperty("java.security.krb5.conf", krb5Conf.toString());
        Map<String, String> options = new HashMap<>();
        options.put("refreshKrb5Config", "true");
        options.put("useKeyTab", "true");
        options.put("keyTab", keytab.toString());
        options.put("storeKey", "true");
        options.put("isInitiator", "false");
        options.put("doNotPrompt", "true");
        options.put("principal", principal);
        Subject subject = new Subject();
        new LoginContext("lab-acceptor", subject, callbacks -> {}, configuration(options)).login();
        return subject;
    }

    /** An AP-REQ token for {@code servicePrincipal}; the service ticket lands in the subject. */
    public static byte[] initiate(Subject client, String servicePrincipal) throws Exception {
        return Subject.doAs(client, (PrivilegedExceptionAction<byte[]>) () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSName server = manager.createName(servicePrincipal, KRB5_PRINCIPAL_NAME);
            GSSContext context = manager.createContext(server, KRB5, null, GSSContext.DEFAULT_LIFETIME);
            context.requestMutualAuth(false);
            byte[] token = context.initSecContext(new byte[0], 0, 0);
            context.dispose();
            return token;
        });
    }

    /** Accepts {@code token} as the service; returns the client's name. */
    public static String accept(Subject service, byte[] token) throws Exception {
        return Subject.doAs(service, (PrivilegedExceptionAction<String>) () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSCredential credential =
                    manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME, KRB5, GSSCredential.ACCEPT_ONLY);
            GSSContext context = manager.createContext(credential);
            context.acceptSecContext(token, 0, token.length);
            String client = context.getSrcName().toString();
            context.dispose();
            return client;
        });
    }

    /** The service ticket for {@code servicePrincipal} a login subject holds after {@link #initiate}. */
    public static KerberosTicket serviceTicket(Subject client, String servicePrincipal) {
        return client.getPrivateCredentials(KerberosTicket.class).stream()
                .filter(t -> t.getServer().getName().equals(servicePrincipal))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ticket for " + servicePrincipal + " in " + client));
    }

    public static KerberosTicket tgt(Subject client) {
        return serviceTicket(client, "krbtgt/" + LabRealm.REALM + "@" + LabRealm.REALM);
    }

    private static void answer(Callback[] callbacks, String user, String password) {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback name) {
                name.setName(user);
            } else if (c instanceof PasswordCallback pw) {
                pw.setPassword(password.toCharArray());
            }
        }
    }

    private static Configuration configuration(Map<String, String> options) {
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(
                            "com.sun.security.auth.module.Krb5LoginModule",
                            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                            options)
                };
            }
        };
    }

    private static Oid oid(String value) {
        try {
            return new Oid(value);
        } catch (org.ietf.jgss.GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
