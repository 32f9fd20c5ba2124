package org.cews.soap.directory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import org.cews.policy.cache.CachedPolicy;
import org.cews.policy.cache.PolicyCache;
import org.cews.policy.cache.PolicyUnavailableException;
import org.cews.policy.ldap.AdPolicyReader;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.DirectoryException;
import org.cews.soap.SoapMessages;

/**
 * The one directory connection setup of the application, shared by both web applications and the
 * caller authenticator: the {@link AdPolicyReader} (policy reads and account lookups) and the
 * {@link PolicyCache} that keeps the last good policy and reads it again in the background on
 * WildFly's default managed scheduler. Settings: {@link DirectorySettings}.
 * Settings that cannot be used do not stop the deployment: every use then fails with a {@link
 * DirectoryException} that names the setting, and the log says it once.
 */
@ApplicationScoped
public class DirectoryRuntime {

    private static final Logger LOG = System.getLogger("org.cews.soap.directory");

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private DirectoryConnector connector;
    private AdPolicyReader reader;
    private PolicyCache cache;
    private DirectoryException unusable;

    @PostConstruct
    void start() {
        try {
            DirectorySettings settings = DirectorySettings.from(System::getProperty);
            connector = new DirectoryConnector(settings.config());
            reader = new AdPolicyReader(connector, Clock.systemUTC());
            cache = new PolicyCache(reader::read, settings.refreshInterval(), scheduler, Clock.systemUTC());
            cache.start();
            LOG.log(
                    Level.INFO,
                    SoapMessages.SOAP0403.format(
                            connector.describeServers() + " over "
                                    + settings.config().security(),
                            settings.config().bind(),
                            settings.refreshInterval()));
        } catch (DirectorySettings.InvalidSettingException | DirectoryException e) {
            unusable = new DirectoryException(SoapMessages.SOAP0404.format(e.getMessage()), e);
            LOG.log(Level.ERROR, unusable.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (cache != null) {
            cache.close();
        }
    }

    /** The reader, for account lookups (objectSid, tokenGroups) by the caller authenticator. */
    public AdPolicyReader reader() throws DirectoryException {
        if (unusable != null) {
            throw unusable;
        }
        return reader;
    }

    /**
     * The connector: the configured domain controllers, transport and service bind, for whoever
     * needs its own connections (a password check binds as the account on the same servers).
     */
    public DirectoryConnector connector() throws DirectoryException {
        if (unusable != null) {
            throw unusable;
        }
        return connector;
    }

    /** The policy cache, for its health. */
    public PolicyCache cache() throws DirectoryException {
        if (unusable != null) {
            throw unusable;
        }
        return cache;
    }

    /**
     * The policy to serve: the last one read. While the first background read has not finished
     * yet, it is done now, so the first request after deployment does not fail for nothing.
     */
    public CachedPolicy current() throws PolicyUnavailableException, DirectoryException {
        return current(cache());
    }

    static CachedPolicy current(PolicyCache cache) throws PolicyUnavailableException {
        try {
            return cache.current();
        } catch (PolicyUnavailableException e) {
            PolicyCache.Health health = cache.health();
            if (health.lastSuccess().isEmpty() && !health.failing()) {
                cache.refresh();
            }
            return cache.current();
        }
    }
}
