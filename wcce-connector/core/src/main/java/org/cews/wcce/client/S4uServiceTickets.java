package org.cews.wcce.client;

import com.sun.security.jgss.ExtendedGSSCredential;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.login.LoginException;
import org.cews.wcce.api.CaException;
import org.cews.wcce.kerberos.ServiceTicket;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * Service tickets for the CA in a user's name, by constrained delegation with protocol transition
 * ([MS-SFU] S4U2Self then S4U2Proxy; docs/ARCHITECTURE.md §4.2, impersonation mode): the CES logs in
 * from its keytab, asks the KDC for a ticket to itself on the user's behalf, then for one to the
 * CA's service. The CA then sees the user, exactly as with Microsoft's CES.
 *
 * <p>Public JGSS API only (docs/KERBEROS-S4U.md §3a/§3b): {@code ExtendedGSSCredential.impersonate},
 * then a context to the CA inside a writable capture Subject, where the JDK stores the S4U2Proxy
 * ticket with its session key. Needs {@code forwardable = true} in krb5.conf, and on the CES
 * account TRUSTED_TO_AUTH_FOR_DELEGATION and the CA's service in msDS-AllowedToDelegateTo.
 */
public final class S4uServiceTickets {

    private static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    private static final Oid KRB5_PRINCIPAL = oid("1.2.840.113554.1.2.2.1");
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final String principal;
    private final Path keytab;
    private final String servicePrincipal;
    private Subject service;

    /**
     * @param principal the CES account, e.g. {@code svc-ces@EXAMPLE.COM}
     * @param servicePrincipal the CA's service, e.g. {@code host/ca.example.com@EXAMPLE.COM}
     */
    public S4uServiceTickets(String principal, Path keytab, String servicePrincipal) {
        this.principal = principal;
        this.keytab = keytab;
        this.servicePrincipal = servicePrincipal;
    }

    /** A ticket for the CA's service in the name of {@code user} (e.g. {@code alice@EXAMPLE.COM}). */
    public ServiceTicket forUser(String user) throws CaException {
        Subject self = serviceSubject();
        Subject capture = new Subject();
        try {
            GSSManager manager = GSSManager.getInstance();
            GSSCredential asUser = Subject.doAs(self, (PrivilegedExceptionAction<GSSCredential>) () -> {
                GSSCredential own = manager.createCredential(
                        null, GSSCredential.DEFAULT_LIFETIME, KRB5, GSSCredential.INITIATE_ONLY);
                return ((ExtendedGSSCredential) own).impersonate(manager.createName(user, GSSName.NT_USER_NAME));
            });
            Subject.doAs(capture, (PrivilegedExceptionAction<Void>) () -> {
                GSSContext context = manager.createContext(
                        manager.createName(servicePrincipal, KRB5_PRINCIPAL),
                        KRB5,
                        asUser,
                        GSSContext.DEFAULT_LIFETIME);
                try {
                    context.requestMutualAuth(false);
                    context.initSecContext(new byte[0], 0, 0); // the S4U2Proxy request happens here
                } finally {
                    context.dispose();
                }
                return null;
            });
        } catch (PrivilegedActionException e) {
            Throwable cause = e.getCause() instanceof GSSException ? e.getCause() : e;
            throw new CaException(
                    "no ticket for " + servicePrincipal + " in the name of " + user + " (S4U by " + principal + "): "
                            + cause.getMessage(),
                    cause);
        }
        String wanted = new KerberosPrincipal(servicePrincipal).getName().toLowerCase(Locale.ROOT);
        KerberosTicket ticket = capture.getPrivateCredentials(KerberosTicket.class).stream()
                .filter(t -> t.getServer().getName().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new CaException("the KDC's S4U2Proxy answer for " + user + " was not kept"));
        try {
            return ServiceTicket.from(ticket);
        } catch (RpcSecurityException e) {
            throw new CaException("unusable S4U ticket for " + user + ": " + e.getMessage(), e);
        }
    }

    private synchronized Subject serviceSubject() throws CaException {
        if (service == null || expiresSoon(service)) {
            try {
                service = KeytabLogin.login(principal, keytab);
            } catch (LoginException e) {
                throw new CaException(
                        "Kerberos login of " + principal + " from " + keytab + " failed: " + e.getMessage(), e);
            }
        }
        return service;
    }

    private static boolean expiresSoon(Subject subject) {
        return subject.getPrivateCredentials(KerberosTicket.class).stream()
                .noneMatch(t -> t.getEndTime().toInstant().minus(RENEW_BEFORE).isAfter(Instant.now()));
    }

    private static Oid oid(String dotted) {
        try {
            return new Oid(dotted);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
