package org.cews.wcce.client;

import java.nio.file.Path;
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
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;

/**
 * Service tickets for the CA's service principal, as the connector's own identity (the
 * enrollment-agent mode of docs/ARCHITECTURE.md §4.2): the JDK logs in from a keytab and asks the KDC,
 * and the ticket with its session key is handed to our DCE-style Kerberos context
 * (docs/KERBEROS-S4U.md §3b: read from the Subject, public API only). The KDC comes from the JVM's
 * krb5.conf ({@code java.security.krb5.conf}). A ticket is reused until five minutes before it
 * expires.
 */
public final class KeytabServiceTickets {

    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final String principal;
    private final Path keytab;
    private final String servicePrincipal;
    private KerberosTicket ticket;

    /**
     * @param principal the connector's account, e.g. {@code svc-ces@LAB.EXAMPLE}
     * @param servicePrincipal the CA's, e.g. {@code host/ca.lab.example@LAB.EXAMPLE}
     */
    public KeytabServiceTickets(String principal, Path keytab, String servicePrincipal) {
        this.principal = principal;
        this.keytab = keytab;
        this.servicePrincipal = servicePrincipal;
    }

    public synchronized ServiceTicket current() throws CaException {
        if (ticket == null
                || ticket.getEndTime().toInstant().minus(RENEW_BEFORE).isBefore(Instant.now())) {
            ticket = fetch();
        }
        try {
            return ServiceTicket.from(ticket);
        } catch (RpcSecurityException e) {
            throw new CaException("unusable service ticket for " + servicePrincipal + ": " + e.getMessage(), e);
        }
    }

    private KerberosTicket fetch() throws CaException {
        try {
            Subject subject = KeytabLogin.login(principal, keytab);
            Subject.doAs(subject, (PrivilegedExceptionAction<Void>) () -> {
                GSSManager manager = GSSManager.getInstance();
                Oid krb5 = new Oid("1.2.840.113554.1.2.2");
                GSSContext context = manager.createContext(
                        manager.createName(servicePrincipal, new Oid("1.2.840.113554.1.2.2.1")),
                        krb5,
                        null,
                        GSSContext.DEFAULT_LIFETIME);
                try {
                    context.initSecContext(new byte[0], 0, 0); // the KDC exchange; the token is not used
                } finally {
                    context.dispose();
                }
                return null;
            });
            KerberosPrincipal wanted = new KerberosPrincipal(servicePrincipal);
            return subject.getPrivateCredentials(KerberosTicket.class).stream()
                    .filter(t -> t.getServer()
                            .getName()
                            .toLowerCase(Locale.ROOT)
                            .equals(wanted.getName().toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new CaException("the KDC gave no ticket for " + servicePrincipal));
        } catch (LoginException e) {
            throw new CaException(
                    "Kerberos login of " + principal + " from " + keytab + " failed: " + e.getMessage(), e);
        } catch (java.security.PrivilegedActionException e) {
            Throwable cause = e.getCause() instanceof GSSException ? e.getCause() : e;
            throw new CaException("no service ticket for " + servicePrincipal + ": " + cause.getMessage(), cause);
        }
    }
}
