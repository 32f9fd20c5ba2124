package org.cews.policy.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.cews.policy.acl.Decision;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.AttributeDecodeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One named test per reason a template is or is not in a view, with the sentence an administrator reads. */
class ExplainTest {

    static final String DOMAIN = LabForest.DOMAIN_SID.toString();

    static LabPolicy lab;
    static PolicyViews views;

    @BeforeAll
    static void start() throws Exception {
        lab = LabPolicy.start();
        views = new PolicyViews(ViewConfig.of("id"), SidNames.directory(lab.reader));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    Explanation explain(String account, String template, RequestFilter filter) throws Exception {
        return views.explain(lab.snapshot, lab.caller(account), template, filter);
    }

    @Test
    void offeredWithTheAceThatAllowsIt() throws Exception {
        Explanation e = explain("alice", "LabUserV2", RequestFilter.NONE);
        Explanation.Offered offered = assertInstanceOf(Explanation.Offered.class, e);
        assertTrue(offered.permission().autoEnroll());
        assertEquals(
                "alice may enroll and autoenroll for LabUserV2 from Lab-Issuing-CA: ACE #3 of 8 allows Enroll to "
                        + DOMAIN + "-513 (Domain Users), which alice is a member of",
                e.sentence());
    }

    @Test
    void offeredThroughAGroupOnlyTheDirectoryCanName() throws Exception {
        assertEquals(
                "alice may enroll for WebServer from Lab-Issuing-CA: ACE #3 of 6 allows Enroll to " + DOMAIN
                        + "-1110 (Web Server Enrollers), which alice is a member of",
                explain("alice", "WebServer", RequestFilter.NONE).sentence());
    }

    @Test
    void notFound() throws Exception {
        Explanation e = explain("alice", "NoSuchTemplate", RequestFilter.NONE);
        assertInstanceOf(Explanation.NotFound.class, e);
        assertEquals(
                "there is no certificate template named NoSuchTemplate under CN=Certificate Templates,"
                        + "CN=Public Key Services,CN=Services,CN=Configuration,DC=lab,DC=example",
                e.sentence());
    }

    @Test
    void foundByDisplayNameOrOid() throws Exception {
        assertEquals(
                "LabUserV2", explain("alice", "Lab User V2", RequestFilter.NONE).template());
        assertEquals(
                "Machine",
                explain("WEB01$", LabForest.FOREST_OID + ".1.14", RequestFilter.NONE)
                        .template());
    }

    @Test
    void undecodable() throws Exception {
        PolicySnapshot broken = Snapshots.withProblem(
                lab.snapshot,
                new AttributeDecodeException(
                        "CN=LabBroken," + LabForest.TEMPLATES, "pKIExpirationPeriod", "absent", "an 8-byte interval"));
        Explanation e = views.explain(broken, lab.caller("alice"), "labbroken", RequestFilter.NONE);
        assertInstanceOf(Explanation.Undecodable.class, e);
        assertEquals(
                "labbroken is offered to nobody: its directory object could not be read: CN=LabBroken,"
                        + LabForest.TEMPLATES + ": pKIExpirationPeriod (expected: an 8-byte interval, actual: absent)",
                e.sentence());
    }

    @Test
    void notPublishedByAnyCa() throws Exception {
        Explanation e = explain("alice", "LabRetired", RequestFilter.NONE);
        assertInstanceOf(Explanation.NotPublished.class, e);
        assertEquals(
                "LabRetired is not published by any enterprise CA: the certificateTemplates of Lab-Issuing-CA do not"
                        + " list it",
                e.sentence());
    }

    @Test
    void noEnrollRightBecauseAnAceDenies() throws Exception {
        Explanation e = explain("bob", "LabUserV2", RequestFilter.NONE);
        Explanation.NoEnrollRight refused = assertInstanceOf(Explanation.NoEnrollRight.class, e);
        Decision.ByAce ace = assertInstanceOf(Decision.ByAce.class, refused.decision());
        assertFalse(ace.granted());
        assertEquals(LabForest.PKI_ENROLL_BLOCKED, ace.trustee());
        assertEquals(
                "bob may not enroll for LabUserV2: ACE #1 of 8 denies Enroll to " + DOMAIN
                        + "-1111 (PKI Enroll Blocked), which bob is a member of",
                e.sentence());
    }

    @Test
    void noEnrollRightPrintsTheSidWhenNoNameIsKnown() throws Exception {
        Explanation e = new PolicyViews(ViewConfig.of("id"))
                .explain(lab.snapshot, lab.caller("bob"), "LabUserV2", RequestFilter.NONE);
        assertEquals(
                "bob may not enroll for LabUserV2: ACE #1 of 8 denies Enroll to " + DOMAIN
                        + "-1111, which bob is a member of",
                e.sentence());
    }

    @Test
    void noEnrollRightBecauseNoAceAllows() throws Exception {
        Explanation e = explain("carol", "WebServer", RequestFilter.NONE);
        Explanation.NoEnrollRight refused = assertInstanceOf(Explanation.NoEnrollRight.class, e);
        assertInstanceOf(Decision.NoMatch.class, refused.decision());
        assertEquals(
                "carol may not enroll for WebServer: none of its 6 ACEs allows Enroll to carol or to a group carol"
                        + " is a member of",
                e.sentence());
    }

    @Test
    void filteredByClientVersion() throws Exception {
        Explanation e = explain("alice", "LabPendAll", RequestFilter.of(1, null, false));
        assertEquals(new Explanation.ClientVersionFiltered("LabPendAll", 2, 1), e);
        assertEquals(
                "LabPendAll is filtered out by the request: it needs client version 2 (Windows Vista / Server 2008)"
                        + " and the request's clientVersion is 1 (Windows XP / Server 2003)",
                e.sentence());
    }

    @Test
    void filteredByServerVersion() throws Exception {
        Explanation e = explain("WEB01$", "LabKeyBasedRenewal", RequestFilter.of(null, 3, false));
        assertEquals(new Explanation.ServerVersionFiltered("LabKeyBasedRenewal", 4, 3), e);
        assertEquals(
                "LabKeyBasedRenewal is filtered out by the request: it needs CA version 4 (Windows Server 2012) and"
                        + " the request's serverVersion is 3 (Windows Server 2008 R2)",
                e.sentence());
    }

    @Test
    void filteredByPolicyOid() throws Exception {
        var userV2 = lab.snapshot.template("LabUserV2").orElseThrow().oid().orElseThrow();
        Explanation e = explain("alice", "User", RequestFilter.NONE.withPolicyOids(Set.of(userV2)));
        assertInstanceOf(Explanation.PolicyOidFiltered.class, e);
        assertEquals(
                "User is filtered out by the request: its OID " + LabForest.FOREST_OID
                        + ".1.1 is not among the requested " + userV2,
                e.sentence());
    }

    @Test
    void notAKeyBasedRenewalTemplateInKbrMode() throws Exception {
        Explanation e = explain("alice", "User", RequestFilter.KEY_BASED_RENEWAL);
        assertInstanceOf(Explanation.NotKeyBasedRenewal.class, e);
        assertEquals(
                "User is not offered on the key-based-renewal endpoint: its msPKI-Enrollment-Flag 0x00000029 lacks"
                        + " CT_FLAG_ALLOW_PREVIOUS_APPROVAL_KEYBASEDRENEWAL_VALIDATE_REENROLLMENT (0x00010000)",
                e.sentence());
    }

    @Test
    void offeredInKbrModeWithoutAnEnrollRight() throws Exception {
        // bob has no right at all on LabKeyBasedRenewal (Domain Computers only)
        Explanation e = explain("bob", "LabKeyBasedRenewal", RequestFilter.KEY_BASED_RENEWAL);
        assertInstanceOf(Explanation.Offered.class, e);
        assertEquals(
                "bob is offered LabKeyBasedRenewal for key-based renewal from Lab-Issuing-CA: the signature with the"
                        + " old key stands in for the Enroll check, which is skipped",
                e.sentence());
        assertInstanceOf(Explanation.NoEnrollRight.class, explain("bob", "LabKeyBasedRenewal", RequestFilter.NONE));
    }

    @Test
    void noCaReachableWithoutCesUri() throws Exception {
        CesUriConfig none = CesUriConfig.FROM_DIRECTORY.with(LabForest.CA_NAME, CesUriConfig.Mode.REPLACE, List.of());
        Explanation e = new PolicyViews(ViewConfig.of("id").withCesUris(none))
                .explain(lab.snapshot, lab.caller("alice"), "User", RequestFilter.NONE);
        assertInstanceOf(Explanation.NoUsableCa.class, e);
        assertEquals(
                "User cannot be offered: every CA that publishes it is unusable: Lab-Issuing-CA has no CES URI (no"
                        + " msPKI-Enrollment-Servers value in AD and none configured)",
                e.sentence());
    }

    @Test
    void noCaReachableWithoutCaCertificate() throws Exception {
        PolicySnapshot noCert = Snapshots.withCas(lab.snapshot, Snapshots::withoutCertificates);
        Explanation e = views.explain(noCert, lab.caller("alice"), "User", RequestFilter.NONE);
        assertEquals(
                "User cannot be offered: every CA that publishes it is unusable: Lab-Issuing-CA has no usable CA"
                        + " certificate in cACertificate",
                e.sentence());
    }

    @Test
    void noAccountOutsideKbrMode() throws Exception {
        Explanation e = views.explain(
                lab.snapshot, Caller.certificateHolder("CN=kiosk7"), "LabKeyBasedRenewal", RequestFilter.NONE);
        assertInstanceOf(Explanation.NoAccount.class, e);
        assertEquals(
                "CN=kiosk7 maps to no account, so Enroll on LabKeyBasedRenewal cannot be checked; such callers get"
                        + " only the key-based-renewal view",
                e.sentence());
    }

    @Test
    void noSecurityDescriptorFromTheDirectory() throws Exception {
        PolicySnapshot noSd = Snapshots.withTemplate(lab.snapshot, "User", Snapshots::withoutSecurityDescriptor);
        Explanation e = views.explain(noSd, lab.caller("alice"), "User", RequestFilter.NONE);
        assertInstanceOf(Explanation.NoSecurityDescriptor.class, e);
        assertFalse(new PolicyViews(ViewConfig.of("id"))
                .view(noSd, lab.caller("alice"), RequestFilter.NONE)
                .templateNames()
                .contains("User"));
    }

    @Test
    void theFirstFailingCheckIsTheAnswer() throws Exception {
        // LabRetired is neither published nor a key-based-renewal template: publication is checked first
        assertInstanceOf(Explanation.NotPublished.class, explain("bob", "LabRetired", RequestFilter.KEY_BASED_RENEWAL));
        // LabUserV2 needs client 1 and denies bob: a clientVersion filter that lets it through leaves the ACL
        assertInstanceOf(Explanation.NoEnrollRight.class, explain("bob", "LabUserV2", RequestFilter.of(1, 1, false)));
        // LabPendAll needs client 2: the filter answers before the ACL is read
        assertInstanceOf(
                Explanation.ClientVersionFiltered.class,
                explain("bob", "LabPendAll", RequestFilter.of(1, null, false)));
    }
}
