package org.cews.policy.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.model.Oid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who sees which lab template with which permission ([MS-XCEP] 3.1.4.1.3.11, [MS-CRTD] 2.5). */
class PolicyViewTest {

    static LabPolicy lab;
    static PolicyViews views = new PolicyViews(ViewConfig.of("{6F1C2B9E-3A47-4D2B-9C1E-0A5B7D3E8F21}"));

    @BeforeAll
    static void start() throws Exception {
        lab = LabPolicy.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    /** "cn:E" for enroll only, "cn:EA" for enroll and autoenroll, in view order. */
    static String summary(PolicyView view) {
        return view.policies().stream()
                .map(p -> p.name() + ":" + (p.permission().enroll() ? "E" : "")
                        + (p.permission().autoEnroll() ? "A" : ""))
                .collect(Collectors.joining(" "));
    }

    PolicyView view(String account, RequestFilter filter) throws Exception {
        return views.view(lab.snapshot, lab.caller(account), filter);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // alice: Domain Users + Web Server Enrollers
                "alice   | LabPendAll:E LabUserV2:EA User:E WebServer:E",
                // bob: Domain Users + PKI Enroll Blocked: the deny ACE hides LabUserV2
                "bob     | LabPendAll:E User:E",
                // carol: Domain Users only
                "carol   | LabPendAll:E LabUserV2:EA User:E",
                // WEB01$: Domain Computers only
                "WEB01$  | LabKeyBasedRenewal:EA Machine:E",
                "svc-cep | LabPendAll:E LabUserV2:EA User:E",
                "svc-ces | LabPendAll:E LabUserV2:EA User:E",
            })
    void whoSeesWhichTemplates(String account, String expected) throws Exception {
        assertEquals(expected, summary(view(account, RequestFilter.NONE)));
    }

    /**
     * Left out, not listed with enroll=false (PolicyViews: [MS-XCEP] 1.1 "available to the
     * requestor"): bob is refused LabUserV2 by a deny ACE, WEB01$ has no Enroll on User, and neither
     * sees them at all, while explain still names them.
     */
    @Test
    void templatesWithoutEnrollAreLeftOutNotListedWithEnrollFalse() throws Exception {
        for (String account : List.of("alice", "bob", "carol", "WEB01$", "svc-cep", "svc-ces", "Administrator")) {
            PolicyView view = view(account, RequestFilter.NONE);
            assertTrue(view.policies().stream().allMatch(p -> p.permission().enroll()), account);
        }
        assertFalse(view("bob", RequestFilter.NONE).policy("LabUserV2").isPresent());
        assertFalse(view("WEB01$", RequestFilter.NONE).policy("User").isPresent());
        assertFalse(views.explain(lab.snapshot, lab.caller("bob"), "LabUserV2", RequestFilter.NONE)
                .offered());
    }

    @Test
    void anUnpublishedTemplateIsOfferedToNobodyEvenWithEnroll() throws Exception {
        // Administrator is in Domain Users, which LabRetired grants Enroll to; no CA publishes it
        PolicyView view = view("Administrator", RequestFilter.NONE);
        assertEquals(List.of("LabPendAll", "LabUserV2", "Machine", "User", "WebServer"), view.templateNames());
        assertTrue(lab.snapshot.template("LabRetired").isPresent());
    }

    @Test
    void theEnrollDecisionTravelsWithThePermission() throws Exception {
        PolicyEntry userV2 =
                view("alice", RequestFilter.NONE).policy("LabUserV2").orElseThrow();
        var acl = userV2.permission().acl().orElseThrow();
        assertTrue(acl.enroll().granted());
        assertTrue(acl.autoEnroll().granted());
        assertEquals(
                "Enroll granted by ACE #2 (ACCESS_ALLOWED_OBJECT, OBJECT_TYPE) for " + LabForest.DOMAIN_USERS,
                acl.enroll().explain());
    }

    @Test
    void nilAndZeroVersionsDoNotFilter() throws Exception {
        String all = summary(view("alice", RequestFilter.NONE));
        assertEquals(all, summary(view("alice", RequestFilter.of(null, null, false))));
        assertEquals(all, summary(view("alice", RequestFilter.of(0, 0, false))));
        assertEquals(all, summary(view("alice", RequestFilter.of(-1, -1, false))));
        assertEquals("LabKeyBasedRenewal:EA Machine:E", summary(view("WEB01$", RequestFilter.of(0, null, false))));
    }

    @Test
    void clientVersionOneDropsTheTemplatesThatNeedVistaOrLater() throws Exception {
        // LabPendAll needs client 2 (Vista), LabKeyBasedRenewal client 5 (8.1); LabUserV2 needs 1
        assertEquals("LabUserV2:EA User:E WebServer:E", summary(view("alice", RequestFilter.of(1, null, false))));
        assertEquals("Machine:E", summary(view("WEB01$", RequestFilter.of(1, null, false))));
        assertEquals("LabKeyBasedRenewal:EA Machine:E", summary(view("WEB01$", RequestFilter.of(5, null, false))));
    }

    @Test
    void serverVersionFiltersOnTheCaNibble() throws Exception {
        // LabKeyBasedRenewal needs a 2012 CA (4), LabPendAll a 2008 CA (2)
        assertEquals("Machine:E", summary(view("WEB01$", RequestFilter.of(null, 3, false))));
        assertEquals("LabKeyBasedRenewal:EA Machine:E", summary(view("WEB01$", RequestFilter.of(null, 4, false))));
        assertEquals("LabUserV2:EA User:E", summary(view("carol", RequestFilter.of(null, 1, false))));
    }

    @Test
    void policyOidFilterKeepsTheListedTemplates() throws Exception {
        Oid userV2 = lab.snapshot.template("LabUserV2").orElseThrow().oid().orElseThrow();
        assertEquals("LabUserV2:EA", summary(view("alice", RequestFilter.NONE.withPolicyOids(Set.of(userV2)))));
    }

    @ParameterizedTest
    @CsvSource({"alice", "bob", "WEB01$"})
    void keyBasedRenewalViewOffersOnlyTheKbrTemplateWithoutEnrollCheck(String account) throws Exception {
        PolicyView view = view(account, RequestFilter.KEY_BASED_RENEWAL);
        assertEquals("LabKeyBasedRenewal:EA", summary(view));
        assertEquals(Optional.empty(), view.policies().get(0).permission().acl());
    }

    @Test
    void aCertificateHolderWithoutAccountGetsTheKbrViewAndNothingElse() {
        Caller holder = Caller.certificateHolder("CN=kiosk7.partner.example");
        assertEquals(
                "LabKeyBasedRenewal:EA", summary(views.view(lab.snapshot, holder, RequestFilter.KEY_BASED_RENEWAL)));
        PolicyView normal = views.view(lab.snapshot, holder, RequestFilter.NONE);
        assertEquals(List.of(), normal.policies());
        assertEquals(List.of(), normal.cas());
        assertEquals(List.of(), normal.oids());
    }

    @Test
    void everyPolicyNamesTheCaWithItsCertificate() throws Exception {
        PolicyView view = view("alice", RequestFilter.NONE);
        assertEquals(1, view.cas().size());
        CaEntry ca = view.cas().get(0);
        assertEquals(0, ca.referenceId());
        assertEquals(LabForest.CA_NAME, ca.name());
        assertTrue(view.policies().stream().allMatch(p -> p.caReferences().equals(List.of(0))));
        byte[] inDirectory = lab.snapshot
                .enrollmentService(LabForest.CA_NAME)
                .orElseThrow()
                .caCertificates()
                .get(0);
        assertTrue(Arrays.equals(inDirectory, ca.certificate()));
        // Authenticated Users may enroll on the pKIEnrollmentService object
        assertTrue(ca.enrollPermission());
        assertTrue(ca.enrollDecision().orElseThrow().granted());
    }

    @Test
    void unchangedSinceComparesWithLastUpdate() {
        Instant changed = Instant.parse("2026-11-20T10:00:00Z");
        PolicyView view = views.view(lab.snapshot, changed, Caller.certificateHolder("x"), RequestFilter.NONE);
        assertEquals("{6F1C2B9E-3A47-4D2B-9C1E-0A5B7D3E8F21}", view.policyId());
        assertEquals(changed, view.lastUpdate());
        assertFalse(view.unchangedSince(Optional.empty()));
        assertFalse(view.unchangedSince(Optional.of(changed.minusSeconds(1))));
        assertTrue(view.unchangedSince(Optional.of(changed)));
        assertTrue(view.unchangedSince(Optional.of(changed.plusSeconds(3600))));
        assertEquals(
                LabPolicy.READ_AT,
                views.view(lab.snapshot, Caller.certificateHolder("x"), RequestFilter.NONE)
                        .lastUpdate());
    }

    @Test
    void anUnparsableCaCertificateValueIsSkipped() throws Exception {
        byte[] real = lab.snapshot
                .enrollmentService(LabForest.CA_NAME)
                .orElseThrow()
                .caCertificates()
                .get(0);
        byte[] garbage = {0x30, 0x03, 0x02, 0x01, 0x07};
        var snapshot = Snapshots.withCas(lab.snapshot, ca -> Snapshots.withCertificates(ca, List.of(garbage, real)));
        CaEntry ca = views.view(snapshot, lab.caller("alice"), RequestFilter.NONE)
                .cas()
                .get(0);
        assertTrue(Arrays.equals(real, ca.certificate()));
    }
}
