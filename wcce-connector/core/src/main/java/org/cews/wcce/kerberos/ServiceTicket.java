package org.cews.wcce.kerberos;

import java.util.ArrayList;
import java.util.List;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KerberosTicket;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.messages.PrincipalName;
import org.cews.wcce.kerberos.messages.Ticket;
import org.cews.wcce.msrpce.RpcSecurityException;

/**
 * What the client side of the AP exchange needs from ticket acquisition: the service ticket, the
 * ticket session key (for usages 11 and 12) and the client's name and realm (for the
 * Authenticator). docs/KERBEROS-S4U.md §3b shows how the CES gets them from JGSS after S4U2Proxy.
 */
public record ServiceTicket(Ticket ticket, EncryptionKey sessionKey, PrincipalName client, String clientRealm) {

    /** From the DER of a Ticket ({@code [APPLICATION 1]}), as {@link KerberosTicket#getEncoded()} gives it. */
    public static ServiceTicket of(byte[] ticketDer, EncryptionKey sessionKey, PrincipalName client, String realm)
            throws RpcSecurityException {
        try {
            return new ServiceTicket(Ticket.decode(ticketDer), sessionKey, client, realm);
        } catch (DerException e) {
            throw new RpcSecurityException("service ticket: " + e.getMessage(), e);
        }
    }

    /**
     * From the JDK's ticket: {@code getEncoded()}, {@code getSessionKeyType()} and
     * {@code getSessionKey()}, and the client principal.
     */
    public static ServiceTicket from(KerberosTicket ticket) throws RpcSecurityException {
        if (ticket.isDestroyed()) {
            throw new RpcSecurityException("service ticket (expected: usable, actual: destroyed)");
        }
        KerberosPrincipal client = ticket.getClient();
        EncryptionKey sessionKey = new EncryptionKey(
                new EncryptionType(ticket.getSessionKeyType()),
                ticket.getSessionKey().getEncoded());
        PrincipalName name = new PrincipalName(client.getNameType(), components(client.getName()));
        return of(ticket.getEncoded(), sessionKey, name, client.getRealm());
    }

    /** The components of {@code a/b@REALM}: split at unescaped '/' up to the unescaped '@' (RFC 1964 §2.1.1). */
    static List<String> components(String name) {
        List<String> components = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 1 < name.length()) {
                current.append(name.charAt(++i));
            } else if (c == '/') {
                components.add(current.toString());
                current.setLength(0);
            } else if (c == '@') {
                break;
            } else {
                current.append(c);
            }
        }
        components.add(current.toString());
        return components;
    }
}
