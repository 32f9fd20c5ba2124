package org.cews.soap.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import org.cews.policy.ldap.AccountLookup;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PasswordCheck;
import org.cews.soap.SoapMessages;
import org.cews.soap.directory.DirectoryRuntime;

/**
 * The {@link CallerAuthenticator} of the application: takes from the request what the container
 * established (the Kerberos identity Elytron's SPNEGO gave, role {@code kerberos}; the TLS client
 * certificate chain) or the SOAP header's UsernameToken, as the endpoint's mode says and nothing
 * else, and hands it to a {@link CallerResolver} over the shared directory ({@link
 * DirectoryRuntime}), with the {@code cews.auth.*} settings ({@link AuthSettings}). Settings that
 * cannot be used, or a directory runtime that could not start, make every authentication
 * {@link AuthenticationException.Kind#UNAVAILABLE} (503) with the reason, and the deployment runs on.
 */
@ApplicationScoped
public class ServletCallerAuthenticator implements CallerAuthenticator {

    @Inject
    private DirectoryRuntime directory;

    private volatile CallerResolver resolver;

    @Override
    public CallerIdentity authenticate(
            AuthMode mode, boolean keyBasedRenewal, HttpServletRequest request, Optional<UsernameToken> token)
            throws AuthenticationException {
        switch (mode) {
            case KERBEROS -> {
                Principal principal = request.getUserPrincipal();
                if (principal == null || !request.isUserInRole(EndpointAuthenticationFilter.KERBEROS_ROLE)) {
                    throw new AuthenticationException(
                            AuthenticationException.Kind.MISSING, SoapMessages.SOAP0503.format());
                }
                return new CallerIdentity(
                        mode, Optional.of(resolver().kerberos(principal.getName())), Optional.empty());
            }
            case CERTIFICATE -> {
                if (!(request.getAttribute(EndpointAuthenticationFilter.CERTIFICATES)
                                instanceof X509Certificate[] chain)
                        || chain.length == 0) {
                    throw new AuthenticationException(
                            AuthenticationException.Kind.MISSING, SoapMessages.SOAP0506.format());
                }
                return new CallerIdentity(mode, resolver().certificate(chain, keyBasedRenewal), Optional.of(chain[0]));
            }
            default -> {
                if (token.isEmpty()) {
                    throw new AuthenticationException(
                            AuthenticationException.Kind.MISSING, SoapMessages.SOAP0511.format());
                }
                try {
                    Account account = resolver().password(token.get(), request.getRemoteAddr());
                    return new CallerIdentity(mode, Optional.of(account), Optional.empty());
                } finally {
                    token.get().wipe();
                }
            }
        }
    }

    private CallerResolver resolver() throws AuthenticationException {
        CallerResolver current = resolver;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (resolver == null) {
                try {
                    AuthSettings settings = AuthSettings.from(System.getProperties());
                    RevocationPolicy.from(System.getProperties()); // refused at start if unusable
                    DirectoryConnector connector = directory.reader().connector();
                    Clock clock = Clock.systemUTC();
                    resolver = new CallerResolver(
                            new AccountLookup(connector),
                            new PasswordCheck(connector),
                            settings,
                            clock,
                            new RevocationCheck(clock, () -> RevocationPolicy.from(System.getProperties())));
                } catch (DirectoryException | IllegalArgumentException e) {
                    throw new AuthenticationException(
                            AuthenticationException.Kind.UNAVAILABLE,
                            SoapMessages.SOAP0516.format("callers", e.getMessage()),
                            e);
                }
            }
            return resolver;
        }
    }
}
