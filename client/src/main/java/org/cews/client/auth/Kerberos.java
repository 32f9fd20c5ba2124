package org.cews.client.auth;

import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.security.auth.Subject;
import javax.security.auth.login.LoginException;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.xcep.ClientAuthentication;
import org.ietf.jgss.ChannelBinding;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * Kerberos at the transport ([MS-WSTEP] 3.1.1.1.1): HTTP Negotiate with a SPNEGO token (RFC 4559,
 * RFC 4178) for {@code HTTP@<host of the URL>}, from a ticket cache or a keytab. The JAAS login
 * configuration is built here, for this login only; no JVM-wide JAAS or GSS property is set (the
 * KDC comes from the krb5.conf JGSS finds). No delegation, no mutual authentication is requested.
 * Over HTTPS the token carries the {@code tls-server-end-point} channel binding
 * ({@link TlsServerEndPoint}) unless switched off, for servers that enforce extended protection.
 */
public final class Kerberos implements ClientCredentials {
    private static final String SPNEGO = "1.3.6.1.5.5.2";

    /**
     * Where the tickets come from: a keytab (with its principal), the principal's password (an AS
     * exchange, as kinit does), or a ticket cache.
     */
    public record Source(
            Optional<String> principal, Optional<Path> keytab, Optional<Path> ticketCache, Optional<char[]> password) {
        public Source(Optional<String> principal, Optional<Path> keytab, Optional<Path> ticketCache) {
            this(principal, keytab, ticketCache, Optional.empty());
        }
    }

    private final Source source;
    private final boolean channelBinding;
    private final Consumer<String> notes;
    private Subject subject;

    /** {@code channelBinding}: bind tokens to the TLS channel; {@code notes} hears when that cannot be done. */
    public Kerberos(Source source, boolean channelBinding, Consumer<String> notes) {
        this.source = source;
        this.channelBinding = channelBinding;
        this.notes = notes;
    }

    @Override
    public ClientAuthentication mode() {
        return ClientAuthentication.KERBEROS;
    }

    @Override
    public String identity() {
        return source.principal().orElse("kerberos-default-principal");
    }

    @Override
    public boolean negotiates() {
        return true;
    }

    @Override
    public synchronized byte[] negotiateToken(URI target, Optional<X509Certificate> server) throws ClientException {
        Subject s = login();
        String service = "HTTP@" + target.getHost();
        Optional<ChannelBinding> binding = Optional.empty();
        if (channelBinding && server.isPresent()) {
            try {
                binding = TlsServerEndPoint.binding(TlsServerEndPoint.applicationData(server.get()));
            } catch (GeneralSecurityException e) {
                binding = Optional.empty();
            }
            if (binding.isEmpty()) {
                notes.accept(ClientMessage.NO_CHANNEL_BINDING.format(service));
            }
        }
        Optional<ChannelBinding> cb = binding;
        try {
            return Subject.doAs(s, (PrivilegedExceptionAction<byte[]>) () -> {
                GSSManager m = GSSManager.getInstance();
                GSSName name = m.createName(service, GSSName.NT_HOSTBASED_SERVICE);
                GSSContext ctx = m.createContext(name, new Oid(SPNEGO), null, GSSContext.DEFAULT_LIFETIME);
                try {
                    ctx.requestMutualAuth(false);
                    ctx.requestCredDeleg(false);
                    if (cb.isPresent()) {
                        ctx.setChannelBinding(cb.get());
                    }
                    return ctx.initSecContext(new byte[0], 0, 0);
                } finally {
                    ctx.dispose();
                }
            });
        } catch (PrivilegedActionException e) {
            Throwable c = e.getCause();
            String why = c instanceof GSSException g ? g.getMajorString() + ": " + g.getMinorString() : c.toString();
            throw new ClientException(c, ClientMessage.KERBEROS_TICKET, service, why);
        }
    }

    private Subject login() throws ClientException {
        if (subject != null) {
            return subject;
        }
        Map<String, String> options = new HashMap<>();
        options.put("doNotPrompt", source.password().isPresent() ? "false" : "true");
        options.put("isInitiator", "true");
        options.put("refreshKrb5Config", "true");
        source.principal().ifPresent(p -> options.put("principal", p));
        if (source.password().isPresent()) {
            options.put("useTicketCache", "false");
            options.put("storeKey", "false");
        } else if (source.keytab().isPresent()) {
            options.put("useKeyTab", "true");
            options.put("keyTab", source.keytab().get().toString());
            options.put("storeKey", "true");
        } else {
            options.put("useTicketCache", "true");
            source.ticketCache().ifPresent(c -> options.put("ticketCache", c.toString()));
        }
        try {
            subject = Krb5Login.login(options, source.principal(), source.password());
            return subject;
        } catch (LoginException e) {
            String where = source.password().isPresent()
                    ? "password of " + source.principal().orElse("(no principal)")
                    : source.keytab()
                            .map(k -> "keytab " + k)
                            .orElse("ticket cache "
                                    + source.ticketCache().map(Path::toString).orElse("(default; run kinit)"));
            throw new ClientException(e, ClientMessage.KERBEROS_LOGIN, e.getMessage() + " (" + where + ")");
        }
    }
}
