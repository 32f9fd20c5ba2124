package org.cews.policy.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.AdPolicyReader;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.ldap.TransportSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache with AdPolicyReader over the lab directory as its source, the directory going down and up. */
class CacheOverDirectoryTest {

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    /** Refuses every search while down, as a DC that went away would. */
    static final class Outage extends InMemoryOperationInterceptor {
        volatile boolean down;

        @Override
        public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
            if (down) {
                throw new LDAPException(ResultCode.UNAVAILABLE, "lab directory down");
            }
        }
    }

    final MutableClock clock = new MutableClock(T0);
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final CapturingLogger log = new CapturingLogger();
    final Outage outage = new Outage();
    InMemoryAd ad;
    AdPolicyReader reader;

    @BeforeEach
    void start() throws Exception {
        ad = InMemoryAd.start(outage);
        DirectoryConfig config = DirectoryConfig.builder()
                .security(TransportSecurity.NONE)
                .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .server("127.0.0.1", ad.port())
                .build();
        reader = new AdPolicyReader(new DirectoryConnector(config), clock);
    }

    @AfterEach
    void stop() {
        ad.close();
    }

    @Test
    void twoReadsOfAnUnchangedDirectoryHaveOneFingerprint() throws Exception {
        PolicySnapshot first = reader.read();
        clock.advance(Duration.ofMinutes(1));
        PolicySnapshot second = reader.read();
        assertTrue(first != second && !first.readAt().equals(second.readAt()));
        assertEquals(SnapshotFingerprint.of(first), SnapshotFingerprint.of(second));
    }

    @Test
    void aChangedSecurityDescriptorChangesTheFingerprint() throws Exception {
        String before = SnapshotFingerprint.of(reader.read());
        byte[] sd = reader.read().template("User").orElseThrow().rawSecurityDescriptor();
        sd[sd.length - 1] ^= 1; // the last ACE (read for S-1-5-11) now names S-1-5-10
        ad.server()
                .modify(
                        "CN=User," + LabForest.TEMPLATES,
                        new Modification(ModificationType.REPLACE, "nTSecurityDescriptor", sd));
        assertNotEquals(before, SnapshotFingerprint.of(reader.read()));
    }

    @Test
    void servesTheLastGoodPolicyWhileTheDirectoryIsDown() throws Exception {
        try (PolicyCache cache = new PolicyCache(reader::read, Duration.ofMinutes(5), scheduler, clock, log)) {
            cache.start();
            scheduler.advance(Duration.ZERO);
            assertEquals(7, cache.current().snapshot().templates().size());

            outage.down = true;
            scheduler.advance(Duration.ofMinutes(15));
            assertEquals(T0, cache.current().snapshot().readAt());
            assertEquals(List.of("POL0104", "POL0102"), log.ids());
            assertTrue(
                    log.entries.get(1).message().contains("lab directory down"),
                    log.entries.get(1).message());

            outage.down = false;
            scheduler.advance(Duration.ofMinutes(5));
            assertEquals(
                    T0.plus(Duration.ofMinutes(20)), cache.current().snapshot().readAt());
            assertEquals(T0, cache.current().lastChanged());
            assertEquals(List.of("POL0104", "POL0102", "POL0103"), log.ids());
        }
    }
}
