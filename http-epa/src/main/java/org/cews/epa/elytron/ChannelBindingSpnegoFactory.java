package org.cews.epa.elytron;

import static org.wildfly.security.http.HttpConstants.SPNEGO_NAME;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.CallbackHandler;
import org.cews.epa.policy.EndpointPolicy;
import org.wildfly.security.http.HttpServerAuthenticationMechanism;
import org.wildfly.security.http.HttpServerAuthenticationMechanismFactory;
import org.wildfly.security.http.spnego.SpnegoMechanismFactory;

/**
 * The HTTP mechanism {@code SPNEGO} with extended protection: Elytron's own SPNEGO mechanism,
 * wrapped per request by {@link ChannelBindingSpnegoMechanism}. It keeps Elytron's name, so the
 * WARs' {@code <auth-method>SPNEGO</auth-method>} and {@code getAuthType()} stay as they are; the
 * HTTP authentication factory of configure-security.cli takes its mechanisms from this module
 * (service-loader-http-server-mechanism-factory) instead of Elytron's global factory.
 *
 * <p>Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.wildfly.security.http.HttpServerAuthenticationMechanismFactory}.
 * The levels per endpoint are read from the system properties at every request, so a change with
 * {@code jboss-cli} applies to the next request.
 */
public final class ChannelBindingSpnegoFactory implements HttpServerAuthenticationMechanismFactory {

    static final Logger LOG = Logger.getLogger("org.cews.epa");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final HttpServerAuthenticationMechanismFactory spnego;
    private final Supplier<EndpointPolicy> policy;

    /** As the service loader makes it: Elytron's SPNEGO, the levels from the system properties. */
    public ChannelBindingSpnegoFactory() {
        this(new SpnegoMechanismFactory(), ChannelBindingSpnegoFactory::fromSystemProperties);
    }

    ChannelBindingSpnegoFactory(HttpServerAuthenticationMechanismFactory spnego, Supplier<EndpointPolicy> policy) {
        this.spnego = spnego;
        this.policy = policy;
    }

    @Override
    public String[] getMechanismNames(Map<String, ?> properties) {
        return new String[] {SPNEGO_NAME};
    }

    @Override
    public HttpServerAuthenticationMechanism createAuthenticationMechanism(
            String mechanismName, Map<String, ?> properties, CallbackHandler callbackHandler) {
        if (!SPNEGO_NAME.equals(mechanismName)) {
            return null;
        }
        return new ChannelBindingSpnegoMechanism(spnego, properties, callbackHandler, policy);
    }

    private static EndpointPolicy fromSystemProperties() {
        Properties p = System.getProperties();
        return EndpointPolicy.from(p, warning -> {
            // Once per distinct message: the policy is read at every request.
            if (WARNED.add(warning)) {
                LOG.warning(warning);
            }
        });
    }

    static void log(Level level, String message) {
        LOG.log(level, message);
    }
}
