package org.cews.policy.ldap;

import static org.cews.policy.fixtures.LabForest.CONFIG_NC;
import static org.cews.policy.fixtures.LabForest.ENROLLMENT_SERVICES;
import static org.cews.policy.fixtures.LabForest.FOREST_OID;
import static org.cews.policy.fixtures.LabForest.TEMPLATES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.cews.policy.acl.Hex;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.ClientAuthentication;
import org.cews.policy.model.EnrollmentServer;
import org.cews.policy.model.EnrollmentService;
import org.cews.policy.model.EnterpriseOid;
import org.cews.policy.model.GeneralFlag;
import org.cews.policy.model.KeySpec;
import org.cews.policy.model.Oid;
import org.cews.policy.model.OidType;
import org.cews.policy.model.RaApplicationPolicies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdPolicyReaderTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    static InMemoryAd ad;
    static PolicySnapshot snapshot;

    static DirectoryConfig.Builder config(int... ports) {
        DirectoryConfig.Builder b = DirectoryConfig.builder()
                .security(TransportSecurity.NONE)
                .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5));
        for (int port : ports) {
            b.server("127.0.0.1", port);
        }
        return b;
    }

    static AdPolicyReader reader(DirectoryConfig config) throws DirectoryException {
        return new AdPolicyReader(new DirectoryConnector(config), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @BeforeAll
    static void start() throws Exception {
        ad = InMemoryAd.start();
        snapshot = reader(config(ad.port()).build()).read();
    }

    @AfterAll
    static void stop() {
        ad.close();
    }

    @BeforeEach
    void clear() {
        ad.clearSearches();
    }

    @Test
    void findsTheConfigurationPartitionInTheRootDse() throws Exception {
        assertEquals(CONFIG_NC, reader(config(ad.port()).build()).configurationNamingContext());
        assertEquals(CONFIG_NC, snapshot.configurationNamingContext());
        assertEquals(NOW, snapshot.readAt());
    }

    @Test
    void readsEveryTemplateWithoutProblems() {
        assertEquals(List.of(), snapshot.problems());
        assertEquals(
                Set.of("User", "Machine", "WebServer", "LabUserV2", "LabPendAll", "LabKeyBasedRenewal", "LabRetired"),
                Set.copyOf(snapshot.templates().stream()
                        .map(CertificateTemplate::cn)
                        .toList()));
    }

    @Test
    void defaultTemplatesCarryTheirMsCrtdValues() {
        CertificateTemplate user = snapshot.template("User").orElseThrow();
        assertEquals(1, user.schemaVersion());
        assertEquals(3, user.majorRevision());
        assertEquals(Duration.ofDays(365), user.validityPeriod());
        assertEquals(Duration.ofDays(42), user.renewalPeriod());
        assertEquals(0xa600_0000, user.nameFlags().value());
        assertEquals(Optional.of(new Oid(FOREST_OID + ".1.1")), user.oid());
        CertificateTemplate machine = snapshot.template("Machine").orElseThrow();
        assertEquals("Computer", machine.displayName());
        assertTrue(machine.isMachineTemplate());
        assertEquals(0x10260, machine.generalFlags().value());
        assertEquals(0x1800_0000, machine.nameFlags().value());
        assertEquals(List.of("Microsoft RSA SChannel Cryptographic Provider"), machine.cryptoProviderNames());
        CertificateTemplate web = snapshot.template("WebServer").orElseThrow();
        assertEquals(Duration.ofDays(730), web.validityPeriod());
        assertEquals(
                List.of(
                        "Microsoft RSA SChannel Cryptographic Provider",
                        "Microsoft DH SChannel Cryptographic Provider"),
                web.cryptoProviderNames());
        assertEquals(List.of(new Oid("1.3.6.1.5.5.7.3.1")), web.extendedKeyUsages());
        assertArrayEquals(Hex.bytes("03 02 05 a0"), web.keyUsage().orElseThrow().derExtensionValue());
    }

    @Test
    void customTemplatesCarryTheirSchemaSpecificAttributes() {
        CertificateTemplate v2 = snapshot.template("LabUserV2").orElseThrow();
        assertEquals(2, v2.schemaVersion());
        assertEquals(100, v2.majorRevision());
        assertEquals(3, v2.minorRevision());
        assertEquals(List.of("LabRetired", "User"), v2.supersededTemplates());
        assertEquals(List.of(new Oid(FOREST_OID + ".7396584.9876543")), v2.issuancePolicies());
        assertEquals(3, v2.applicationPolicies().size());
        assertTrue(v2.requestsAutoEnrollment());
        assertTrue(v2.generalFlags().has(GeneralFlag.CT_FLAG_IS_MODIFIED));
        assertEquals(1, v2.clientVersion());
        assertEquals(1, v2.serverVersion());

        CertificateTemplate pend = snapshot.template("LabPendAll").orElseThrow();
        assertTrue(pend.pendsAllRequests());
        assertEquals(3, pend.schemaVersion());
        RaApplicationPolicies.Properties cng =
                (RaApplicationPolicies.Properties) pend.raRequirements().applicationPolicies();
        assertEquals(Optional.of("SHA256"), cng.hashAlgorithm());
        assertEquals(OptionalLong.of(168), cng.symmetricKeyLength());
        assertEquals(List.of(), cng.raApplicationPolicies());

        CertificateTemplate kbr = snapshot.template("LabKeyBasedRenewal").orElseThrow();
        assertTrue(kbr.allowsKeyBasedRenewal());
        assertEquals(4, kbr.schemaVersion());
        assertEquals(1, kbr.raRequirements().signatures());
        assertEquals(
                List.of(new Oid("1.3.6.1.5.5.7.3.2")),
                kbr.raRequirements().applicationPolicies().raApplicationPolicies());
        assertEquals(5, kbr.clientVersion());
        assertEquals(4, kbr.serverVersion());
        assertEquals(Optional.of(KeySpec.AT_KEYEXCHANGE), kbr.keySpec());
        assertFalse(snapshot.template("User").orElseThrow().allowsKeyBasedRenewal());
    }

    @Test
    void readsTheEnterpriseCaWithItsTemplatesAndEnrollmentServers() throws Exception {
        EnrollmentService ca = snapshot.enrollmentService(LabForest.CA_NAME).orElseThrow();
        assertEquals(Optional.of(LabForest.CA_HOST), ca.dnsHostName());
        assertEquals(
                List.of("LabKeyBasedRenewal", "LabPendAll", "LabUserV2", "WebServer", "Machine", "User"),
                ca.certificateTemplates());
        assertTrue(ca.publishes("user"));
        assertFalse(ca.publishes("LabRetired"));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(ca.caCertificates().get(0)));
        assertEquals(
                "CN=Lab-Issuing-CA,DC=lab,DC=example",
                cert.getSubjectX500Principal().getName());
        assertEquals(
                List.of(
                        new EnrollmentServer(
                                1,
                                ClientAuthentication.KERBEROS,
                                false,
                                URI.create("https://ces.lab.example/Lab-Issuing-CA_CES_Kerberos/service.svc/CES")),
                        new EnrollmentServer(
                                1,
                                ClientAuthentication.USERNAME_PASSWORD,
                                false,
                                URI.create(
                                        "https://ces.lab.example/Lab-Issuing-CA_CES_UsernamePassword/service.svc/CES")),
                        new EnrollmentServer(
                                1,
                                ClientAuthentication.CERTIFICATE,
                                false,
                                URI.create("https://ces.lab.example/Lab-Issuing-CA_CES_Certificate/service.svc/CES")),
                        new EnrollmentServer(
                                2,
                                ClientAuthentication.CERTIFICATE,
                                true,
                                URI.create(
                                        "https://ces.lab.example/KeyBasedRenewal_Lab-Issuing-CA_CES_Certificate/service.svc/CES"))),
                ca.enrollmentServers());
        assertTrue(ca.securityDescriptor().isPresent());
    }

    @Test
    void readsTheEnterpriseOidsAndTheForestOid() {
        assertEquals(Optional.of(new Oid(FOREST_OID)), snapshot.forestOid());
        assertEquals(6, snapshot.enterpriseOids().size());
        EnterpriseOid policy =
                snapshot.enterpriseOid(new Oid(FOREST_OID + ".7396584.9876543")).orElseThrow();
        assertEquals(OidType.ISSUANCE_POLICY, policy.type());
        assertEquals(8, policy.type().xcepGroup());
        assertEquals(
                Map.of(1033, "Lab Medium Assurance", 1031, "Lab mittlere Vertrauensstufe"), policy.localizedNames());
        assertEquals(Optional.of("Lab mittlere Vertrauensstufe"), policy.name(1031));
        assertEquals(Optional.of("Lab Medium Assurance"), policy.name(1036));
        assertEquals(List.of("https://pki.lab.example/cps/medium.html"), policy.cpsUrls());
        EnterpriseOid v2 = snapshot.enterpriseOid(
                        snapshot.template("LabUserV2").orElseThrow().oid().orElseThrow())
                .orElseThrow();
        assertEquals(OidType.TEMPLATE, v2.type());
        assertEquals(Optional.of("Lab User V2"), v2.displayName());
        assertTrue(snapshot.enterpriseOids().stream().allMatch(o -> o.oid().arcsFit32Bits()));
    }

    @Test
    void sendsTheSdFlagsControlWithValueSevenOnTemplateAndCaSearches() throws Exception {
        reader(config(ad.port()).build()).read();
        for (String base : List.of(TEMPLATES, ENROLLMENT_SERVICES)) {
            List<InMemoryAd.SeenSearch> seen = ad.searchesUnder(base);
            assertFalse(seen.isEmpty(), base);
            for (InMemoryAd.SeenSearch s : seen) {
                var sdFlags = s.control(AdControls.SD_FLAGS_OID);
                assertNotNull(sdFlags, base);
                assertTrue(sdFlags.isCritical());
                assertArrayEquals(Hex.bytes("30 03 02 01 07"), InMemoryAd.value(sdFlags));
            }
        }
        assertNull(ad.searchesUnder(LabForest.OID_CONTAINER).get(0).control(AdControls.SD_FLAGS_OID));
    }

    @Test
    void pagesThroughTemplatesWithASmallPageSize() throws Exception {
        PolicySnapshot paged = reader(config(ad.port()).pageSize(2).build()).read();
        assertEquals(7, paged.templates().size());
        List<InMemoryAd.SeenSearch> seen = ad.searchesUnder(TEMPLATES);
        assertEquals(4, seen.size()); // pages of 2, 2, 2 and 1
        for (InMemoryAd.SeenSearch s : seen) {
            var raw = s.control(SimplePagedResultsControl.PAGED_RESULTS_OID);
            SimplePagedResultsControl page =
                    new SimplePagedResultsControl(raw.getOID(), raw.isCritical(), raw.getValue());
            assertEquals(2, page.getSize());
        }
    }

    @Test
    void bindsAsTheServiceAccountAndRefusesABadPassword() {
        DirectoryConfig wrong = config(ad.port())
                .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, "wrong".toCharArray()))
                .build();
        DirectoryException e =
                assertThrows(DirectoryException.class, () -> reader(wrong).read());
        assertTrue(
                e.getMessage().startsWith("no domain controller usable (tried 127.0.0.1:" + ad.port()), e.getMessage());
        assertTrue(e.getMessage().contains("invalid credentials"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong"), e.getMessage());
    }

    @Test
    void namesAnAccountOrGroupByItsObjectSid() throws Exception {
        AdPolicyReader reader = reader(config(ad.port()).build());
        assertEquals(Optional.of("PKI Enroll Blocked"), reader.accountName(LabForest.PKI_ENROLL_BLOCKED));
        assertEquals(Optional.of("alice"), reader.accountName(LabForest.ALICE));
        assertEquals(Optional.empty(), reader.accountName(LabForest.DOMAIN_SID.withRid(4242)));
    }
}
