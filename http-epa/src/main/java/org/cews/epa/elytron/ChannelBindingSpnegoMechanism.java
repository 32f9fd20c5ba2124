package org.cews.epa.elytron;

import static org.wildfly.security.http.HttpConstants.CONFIG_GSS_MANAGER;
import static org.wildfly.security.http.HttpConstants.CONFIG_STATE_SCOPES;
import static org.wildfly.security.http.HttpConstants.SPNEGO_NAME;

import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import javax.net.ssl.SSLSession;
import javax.security.auth.callback.CallbackHandler;
import org.cews.epa.BindingException;
import org.cews.epa.EpaMessages;
import org.cews.epa.gssapi.BindingGssManager;
import org.cews.epa.gssapi.TlsChannelBindings;
import org.cews.epa.policy.EndpointPolicy;
import org.cews.epa.policy.TokenChecking;
import org.cews.epa.rfc5929.TlsServerEndPoint;
import org.ietf.jgss.ChannelBinding;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.wildfly.security.http.HttpAuthenticationException;
import org.wildfly.security.http.HttpServerAuthenticationMechanism;
import org.wildfly.security.http.HttpServerAuthenticationMechanismFactory;
import org.wildfly.security.http.HttpServerRequest;

/**
 * One request through Elytron's SPNEGO mechanism, with the channel binding checked where the
 * endpoint's level says so ({@link EndpointPolicy}):
 *
 * <ul>
 *   <li>Level None: Elytron's mechanism unchanged (the JDK acceptor ignores any binding).
 *   <li>Level Require: the binding of this connection, {@code tls-server-end-point} of the
 *       certificate WildFly served on it ({@link TlsServerEndPoint}), is set on the acceptor
 *       context through a {@link BindingGssManager} ({@code CONFIG_GSS_MANAGER}); a token without
 *       it or with another is refused (403) and logged. The identity is neither cached nor restored
 *       ({@code CONFIG_STATE_SCOPES} NONE): a session cookie or a connection authenticated where
 *       bindings are not checked (another endpoint, a Negotiate header on a non-Kerberos endpoint)
 *       never stands in for a bound token here, so every request carries its own. When no binding
 *       can be built (no TLS, a certificate without an RFC 5929 hash, the JVM flag missing) every
 *       Negotiate is refused: fail closed.
 * </ul>
 */
final class ChannelBindingSpnegoMechanism implements HttpServerAuthenticationMechanism {

    private final HttpServerAuthenticationMechanismFactory spnego;
    private final Map<String, ?> properties;
    private final CallbackHandler callbackHandler;
    private final Supplier<EndpointPolicy> policy;

    ChannelBindingSpnegoMechanism(
            HttpServerAuthenticationMechanismFactory spnego,
            Map<String, ?> properties,
            CallbackHandler callbackHandler,
            Supplier<EndpointPolicy> policy) {
        this.spnego = spnego;
        this.properties = properties;
        this.callbackHandler = callbackHandler;
        this.policy = policy;
    }

    @Override
    public String getMechanismName() {
        return SPNEGO_NAME;
    }

    @Override
    public void evaluateRequest(HttpServerRequest request) throws HttpAuthenticationException {
        URI uri = request.getRequestURI();
        TokenChecking level = policy.get().forRequest(uri);
        if (level == TokenChecking.NONE) {
            delegate(withManager(properties)).evaluateRequest(request);
            return;
        }
        String where = uri.getRawPath();
        X509Certificate served;
        byte[] applicationData;
        try {
            served = servedCertificate(request.getSSLSession());
            applicationData = TlsServerEndPoint.applicationData(served);
        } catch (BindingException e) {
            refuse(request, EpaMessages.EPA0106.format(level.label(), where, e.getMessage()));
            return;
        }
        ChannelBinding binding;
        try {
            binding = TlsChannelBindings.of(applicationData);
        } catch (BindingException e) {
            refuse(request, EpaMessages.EPA0104.format(level.label(), where, e.getMessage()));
            return;
        }
        Map<String, Object> bound = new HashMap<>(properties);
        GSSManager base = properties.get(CONFIG_GSS_MANAGER) instanceof GSSManager m ? m : SharedManager.INSTANCE;
        bound.put(
                CONFIG_GSS_MANAGER,
                new BindingGssManager(base, binding, refusal -> logRefusal(where, level, served, refusal)));
        bound.put(CONFIG_STATE_SCOPES, "NONE");
        delegate(bound).evaluateRequest(request);
    }

    /**
     * One JDK GSSManager for the process. Elytron builds a mechanism per request, and without a
     * {@code CONFIG_GSS_MANAGER} its SPNEGO mechanism calls {@link GSSManager#getInstance()}, which
     * walks every security provider's services (measured: about 0.2 ms, a quarter of the CPU of a
     * Kerberos request; bench/README.md). The manager holds no per-context state: contexts and
     * credentials are created per request from it.
     */
    private static final class SharedManager {
        static final GSSManager INSTANCE = GSSManager.getInstance();
    }

    /** {@code with}, with the shared manager unless the configuration names its own. */
    private static Map<String, ?> withManager(Map<String, ?> with) {
        if (with.get(CONFIG_GSS_MANAGER) instanceof GSSManager) {
            return with;
        }
        Map<String, Object> copy = new HashMap<>(with);
        copy.put(CONFIG_GSS_MANAGER, SharedManager.INSTANCE);
        return copy;
    }

    private static void refuse(HttpServerRequest request, String why) {
        ChannelBindingSpnegoFactory.log(Level.SEVERE, why);
        request.authenticationFailed(EpaMessages.EPA0109.format());
    }

    private HttpServerAuthenticationMechanism delegate(Map<String, ?> with) throws HttpAuthenticationException {
        return spnego.createAuthenticationMechanism(SPNEGO_NAME, with, callbackHandler);
    }

    private static X509Certificate servedCertificate(SSLSession tls) throws BindingException {
        if (tls == null) {
            throw new BindingException("the request did not come over TLS");
        }
        Certificate[] local = tls.getLocalCertificates();
        if (local == null || local.length == 0 || !(local[0] instanceof X509Certificate leaf)) {
            throw new BindingException("the TLS session has no X.509 server certificate");
        }
        return leaf;
    }

    private static void logRefusal(String where, TokenChecking level, X509Certificate served, GSSException refusal) {
        String message;
        if (refusal.getMajor() == GSSException.BAD_BINDINGS) {
            // The JDK's texts (sun.security.jgss.krb5.InitialToken): "Token missing ChannelBinding!"
            // when the checksum's Bnd is all zero, "Bytes mismatch!" when it differs.
            message = String.valueOf(refusal.getMinorString()).contains("missing")
                    ? EpaMessages.EPA0101.format(where, level.label())
                    : EpaMessages.EPA0102.format(
                            where, served.getSubjectX500Principal().getName());
        } else {
            message = EpaMessages.EPA0103.format(where, refusal.getMessage());
        }
        ChannelBindingSpnegoFactory.log(Level.INFO, message);
    }
}
