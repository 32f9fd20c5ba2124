package org.cews.policy.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.AdPolicyReader;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.ldap.TransportSecurity;

/**
 * The lab forest in the in-memory directory, read once by {@link AdPolicyReader} as svc-cep: the
 * snapshot the view tests work on, and the fixture accounts as callers with their tokenGroups.
 */
final class LabPolicy implements AutoCloseable {

    static final Instant READ_AT = Instant.parse("2026-11-25T08:00:00Z");

    final InMemoryAd ad;
    final AdPolicyReader reader;
    final PolicySnapshot snapshot;

    private LabPolicy(InMemoryAd ad, AdPolicyReader reader) throws DirectoryException {
        this.ad = ad;
        this.reader = reader;
        this.snapshot = reader.read();
    }

    static LabPolicy start() throws Exception {
        InMemoryAd ad = InMemoryAd.start();
        DirectoryConfig config = DirectoryConfig.builder()
                .security(TransportSecurity.NONE)
                .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .server("127.0.0.1", ad.port())
                .build();
        return new LabPolicy(
                ad, new AdPolicyReader(new DirectoryConnector(config), Clock.fixed(READ_AT, ZoneOffset.UTC)));
    }

    /** A fixture account by sAMAccountName, with its objectSid and tokenGroups as AD returns them. */
    Caller caller(String samAccountName) throws DirectoryException {
        String dn = reader.findAccount(samAccountName)
                .orElseThrow(() -> new IllegalArgumentException("no fixture account " + samAccountName));
        return Caller.account(samAccountName, reader.accountSids(dn).callerSids());
    }

    @Override
    public void close() {
        ad.close();
    }
}
