package org.cews.soap.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.cews.policy.cache.PolicyCache;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.AdPolicyReader;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.LdapServer;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.ldap.TransportSecurity;
import org.junit.jupiter.api.Test;

class DirectorySettingsTest {

    private static DirectorySettings settings(Map<String, String> values) throws Exception {
        return DirectorySettings.from(values::get);
    }

    @Test
    void theLabSettings() throws Exception {
        DirectorySettings s = settings(Map.of(
                "cews.directory.servers", "ldap://127.0.0.1:10389",
                "cews.directory.bindDn", LabForest.SVC_CEP_DN,
                "cews.directory.bindPassword", LabForest.SVC_CEP_PASSWORD));
        assertEquals(TransportSecurity.NONE, s.config().security());
        assertEquals(
                java.util.List.of(new LdapServer("127.0.0.1", 10389)),
                s.config().servers());
        assertEquals(
                new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()),
                s.config().bind());
        assertEquals(Duration.ofMinutes(5), s.refreshInterval());
    }

    @Test
    void ldapsFailoverWithAddressesAndGssapi() throws Exception {
        DirectorySettings s = settings(Map.of(
                "cews.directory.servers", "ldaps://dc1.lab.example, ldaps://dc2.lab.example:3269",
                "cews.directory.addresses", "dc1.lab.example=127.0.0.1",
                "cews.directory.bind", "gssapi",
                "cews.directory.principal", "svc-cep@LAB.EXAMPLE",
                "cews.directory.keytab", "/etc/cews/cep.keytab",
                "cews.directory.refreshSeconds", "60"));
        assertEquals(TransportSecurity.LDAPS, s.config().security());
        assertEquals(
                java.util.List.of(
                        new LdapServer("dc1.lab.example", 636, Optional.of("127.0.0.1")),
                        new LdapServer("dc2.lab.example", 3269)),
                s.config().servers());
        assertEquals(
                new BindMethod.GssapiKeytab("svc-cep@LAB.EXAMPLE", Path.of("/etc/cews/cep.keytab")),
                s.config().bind());
        assertEquals(Duration.ofSeconds(60), s.refreshInterval());
    }

    @Test
    void startTlsOnLdapUrls() throws Exception {
        DirectorySettings s = settings(Map.of(
                "cews.directory.servers", "ldap://dc1.lab.example",
                "cews.directory.startTls", "true",
                "cews.directory.bind", "anonymous"));
        assertEquals(TransportSecurity.START_TLS, s.config().security());
        assertEquals(389, s.config().servers().get(0).port());
    }

    @Test
    void missingAndWrongSettingsAreNamed() {
        Map<String, String> values = new HashMap<>();
        DirectorySettings.InvalidSettingException none =
                assertThrows(DirectorySettings.InvalidSettingException.class, () -> settings(values));
        assertTrue(
                none.getMessage().startsWith("SOAP0402 the setting cews.directory.servers is required"),
                none.getMessage());
        values.put("cews.directory.servers", "http://dc1");
        DirectorySettings.InvalidSettingException scheme =
                assertThrows(DirectorySettings.InvalidSettingException.class, () -> settings(values));
        assertTrue(scheme.getMessage().contains("cews.directory.servers"), scheme.getMessage());
        values.put("cews.directory.servers", "ldap://dc1");
        DirectorySettings.InvalidSettingException password =
                assertThrows(DirectorySettings.InvalidSettingException.class, () -> settings(values));
        assertTrue(password.getMessage().contains("cews.directory.bindDn"), password.getMessage());
        values.put("cews.directory.bind", "kerberos");
        DirectorySettings.InvalidSettingException bind =
                assertThrows(DirectorySettings.InvalidSettingException.class, () -> settings(values));
        assertTrue(bind.getMessage().contains("simple, gssapi or anonymous"), bind.getMessage());
        values.put("cews.directory.bind", "anonymous");
        values.put("cews.directory.trustStore", "/nonexistent/trust.p12");
        DirectorySettings.InvalidSettingException trust =
                assertThrows(DirectorySettings.InvalidSettingException.class, () -> settings(values));
        assertTrue(trust.getMessage().contains("cews.directory.trustStore"), trust.getMessage());
    }

    /** The settings of the lab, against the lab forest in memory: the cache the runtime builds serves it. */
    @Test
    void settingsReadTheForestThroughTheCache() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (InMemoryAd ad = InMemoryAd.start()) {
            DirectorySettings s = settings(Map.of(
                    "cews.directory.servers", "ldap://127.0.0.1:" + ad.port(),
                    "cews.directory.bindDn", LabForest.SVC_CEP_DN,
                    "cews.directory.bindPassword", LabForest.SVC_CEP_PASSWORD));
            AdPolicyReader reader = new AdPolicyReader(new DirectoryConnector(s.config()), Clock.systemUTC());
            try (PolicyCache cache = new PolicyCache(reader::read, Duration.ofHours(1), scheduler, Clock.systemUTC())) {
                PolicySnapshot snapshot = DirectoryRuntime.current(cache).snapshot();
                assertTrue(snapshot.enrollmentService(LabForest.CA_NAME).isPresent());
                assertTrue(snapshot.template("User").isPresent());
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
