package org.cews.policy.acl;

import static org.cews.policy.acl.ControlAccessRight.AUTO_ENROLL;
import static org.cews.policy.acl.ControlAccessRight.ENROLL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cews.policy.FlagWord;
import org.cews.policy.acl.Decision.Basis;
import org.junit.jupiter.api.Test;

class AccessEvaluatorTest {

    static final Sid DOMAIN = Sid.of(5, 21, 1, 2, 3);
    static final Sid ALICE = DOMAIN.withRid(1104);
    static final Sid BOB = DOMAIN.withRid(1105);
    static final Sid DOMAIN_USERS = DOMAIN.withRid(513);
    static final Sid DOMAIN_ADMINS = DOMAIN.withRid(512);
    static final Sid BLOCKED = DOMAIN.withRid(1111);
    static final UUID OTHER_RIGHT =
            UUID.fromString("00299570-246d-11d0-a768-00aa006e0529"); // User-Force-Change-Password

    static final int CR = 0x100;
    static final int READ = 0x0002_0094; // LC RP LO RC
    static final int INHERIT_ONLY = 0x08;

    /** Alice: a domain user, no extra well-known SIDs unless a test adds them. */
    static final CallerSids ALICE_TOKEN = CallerSids.exactly(ALICE, Set.of(DOMAIN_USERS));

    static ObjectAce allowObject(UUID right, Sid sid) {
        return new ObjectAce(AceType.ACCESS_ALLOWED_OBJECT, 0, CR, right, sid);
    }

    static ObjectAce denyObject(UUID right, Sid sid) {
        return new ObjectAce(AceType.ACCESS_DENIED_OBJECT, 0, CR, right, sid);
    }

    static SimpleAce allow(int mask, Sid sid) {
        return new SimpleAce(AceType.ACCESS_ALLOWED, 0, mask, sid);
    }

    static SecurityDescriptor sd(Ace... aces) {
        return SecurityDescriptor.of(0, DOMAIN_ADMINS, DOMAIN_ADMINS, Acl.of(List.of(aces)));
    }

    static Decision.ByAce byAce(Decision decision) {
        assertTrue(decision instanceof Decision.ByAce, decision.toString());
        return (Decision.ByAce) decision;
    }

    static void assertDecidedBy(Decision d, boolean granted, int index, Sid trustee, Basis basis) {
        Decision.ByAce by = byAce(d);
        assertEquals(granted, by.granted(), by.explain());
        assertEquals(index, by.index(), by.explain());
        assertEquals(trustee, by.trustee());
        assertEquals(basis, by.basis());
    }

    @Test
    void objectAceForTheRightGrants() {
        SecurityDescriptor sd = sd(allow(READ, DOMAIN_USERS), allowObject(ENROLL.guid(), DOMAIN_USERS));
        assertDecidedBy(AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL), true, 1, DOMAIN_USERS, Basis.OBJECT_TYPE);
    }

    @Test
    void objectAceForAnotherRightDoesNotApply() {
        SecurityDescriptor sd = sd(allowObject(AUTO_ENROLL.guid(), DOMAIN_USERS), allowObject(OTHER_RIGHT, ALICE));
        assertEquals(new Decision.NoMatch(ENROLL, 2), AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL));
        assertDecidedBy(AccessEvaluator.check(sd, ALICE_TOKEN, AUTO_ENROLL), true, 0, DOMAIN_USERS, Basis.OBJECT_TYPE);
    }

    @Test
    void objectAceWithoutObjectTypeCoversAllExtendedRights() {
        SecurityDescriptor sd = sd(new ObjectAce(AceType.ACCESS_ALLOWED_OBJECT, 0, CR, null, ALICE));
        assertDecidedBy(AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL), true, 0, ALICE, Basis.ALL_EXTENDED_RIGHTS);
        assertDecidedBy(AccessEvaluator.check(sd, ALICE_TOKEN, AUTO_ENROLL), true, 0, ALICE, Basis.ALL_EXTENDED_RIGHTS);
    }

    @Test
    void objectAceForTheRightWithoutControlAccessDoesNotApply() {
        SecurityDescriptor sd = sd(new ObjectAce(AceType.ACCESS_ALLOWED_OBJECT, 0, 0x10, ENROLL.guid(), ALICE));
        assertEquals(new Decision.NoMatch(ENROLL, 1), AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL));
    }

    @Test
    void genericAllGrants() {
        SecurityDescriptor sd = sd(allow(AccessRight.GENERIC_ALL.bit(), DOMAIN_USERS));
        assertDecidedBy(AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL), true, 0, DOMAIN_USERS, Basis.GENERIC_ALL);
    }

    @Test
    void fullControlGrantsThroughItsControlAccessBit() {
        SecurityDescriptor sd = sd(allow(AccessRight.FULL_CONTROL, DOMAIN_USERS));
        assertDecidedBy(AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL), true, 0, DOMAIN_USERS, Basis.CONTROL_ACCESS);
    }

    @Test
    void adFullControlWithoutControlAccessDoesNotGrant() {
        // CCDCLCSWRPWPDTLOSDRCWDWO, what AD gives Domain Admins on a default template: no CR.
        SecurityDescriptor sd = sd(allow(0x000F_00FF, DOMAIN_USERS));
        assertEquals(new Decision.NoMatch(ENROLL, 1), AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL));
    }

    @Test
    void denyObjectAceBeforeAllowDenies() {
        CallerSids bob = CallerSids.exactly(BOB, Set.of(DOMAIN_USERS, BLOCKED));
        SecurityDescriptor sd = sd(denyObject(ENROLL.guid(), BLOCKED), allowObject(ENROLL.guid(), DOMAIN_USERS));
        assertDecidedBy(AccessEvaluator.check(sd, bob, ENROLL), false, 0, BLOCKED, Basis.OBJECT_TYPE);
        assertDecidedBy(AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL), true, 1, DOMAIN_USERS, Basis.OBJECT_TYPE);
    }

    @Test
    void allowBeforeDenyGrantsBecauseTheFirstDecidingAceWins() {
        CallerSids bob = CallerSids.exactly(BOB, Set.of(DOMAIN_USERS, BLOCKED));
        SecurityDescriptor sd = sd(allowObject(ENROLL.guid(), DOMAIN_USERS), denyObject(ENROLL.guid(), BLOCKED));
        assertDecidedBy(AccessEvaluator.check(sd, bob, ENROLL), true, 0, DOMAIN_USERS, Basis.OBJECT_TYPE);
    }

    @Test
    void plainDenyWithControlAccessDenies() {
        SecurityDescriptor sd =
                sd(new SimpleAce(AceType.ACCESS_DENIED, 0, CR, ALICE), allowObject(ENROLL.guid(), DOMAIN_USERS));
        assertDecidedBy(AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL), false, 0, ALICE, Basis.CONTROL_ACCESS);
    }

    @Test
    void inheritOnlyAcesAreSkipped() {
        ObjectAce inheritOnlyDeny =
                new ObjectAce(AceType.ACCESS_DENIED_OBJECT, INHERIT_ONLY | 0x02, CR, ENROLL.guid(), ALICE);
        ObjectAce inheritOnlyAllow =
                new ObjectAce(AceType.ACCESS_ALLOWED_OBJECT, INHERIT_ONLY, CR, ENROLL.guid(), ALICE);
        assertDecidedBy(
                AccessEvaluator.check(sd(inheritOnlyDeny, allowObject(ENROLL.guid(), ALICE)), ALICE_TOKEN, ENROLL),
                true,
                1,
                ALICE,
                Basis.OBJECT_TYPE);
        assertEquals(new Decision.NoMatch(ENROLL, 1), AccessEvaluator.check(sd(inheritOnlyAllow), ALICE_TOKEN, ENROLL));
    }

    @Test
    void inheritedAcesThatAreNotInheritOnlyCount() {
        ObjectAce inherited =
                new ObjectAce(AceType.ACCESS_ALLOWED_OBJECT, AceFlag.INHERITED_ACE.bit(), CR, ENROLL.guid(), ALICE);
        assertDecidedBy(AccessEvaluator.check(sd(inherited), ALICE_TOKEN, ENROLL), true, 0, ALICE, Basis.OBJECT_TYPE);
    }

    @Test
    void groupMembershipDecides() {
        SecurityDescriptor sd = sd(allowObject(ENROLL.guid(), DOMAIN_USERS));
        assertTrue(AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL).granted());
        CallerSids withoutGroups = CallerSids.exactly(ALICE, Set.of());
        assertEquals(new Decision.NoMatch(ENROLL, 1), AccessEvaluator.check(sd, withoutGroups, ENROLL));
    }

    @Test
    void everyoneAndAuthenticatedUsersComeFromTheWellKnownSids() {
        SecurityDescriptor forAu = sd(allowObject(ENROLL.guid(), WellKnownSids.AUTHENTICATED_USERS));
        SecurityDescriptor forEveryone = sd(allowObject(ENROLL.guid(), WellKnownSids.EVERYONE));
        CallerSids network = CallerSids.authenticated(ALICE, Set.of(DOMAIN_USERS));
        assertDecidedBy(
                AccessEvaluator.check(forAu, network, ENROLL),
                true,
                0,
                WellKnownSids.AUTHENTICATED_USERS,
                Basis.OBJECT_TYPE);
        assertDecidedBy(
                AccessEvaluator.check(forEveryone, network, ENROLL),
                true,
                0,
                WellKnownSids.EVERYONE,
                Basis.OBJECT_TYPE);
        assertFalse(AccessEvaluator.check(forAu, ALICE_TOKEN, ENROLL).granted());
        assertFalse(AccessEvaluator.check(forEveryone, ALICE_TOKEN, ENROLL).granted());
    }

    @Test
    void nullDaclGrantsAndEmptyDaclDenies() {
        SecurityDescriptor nullDacl = SecurityDescriptor.of(0, DOMAIN_ADMINS, null, null);
        assertEquals(new Decision.NullDacl(ENROLL), AccessEvaluator.check(nullDacl, ALICE_TOKEN, ENROLL));
        assertTrue(AccessEvaluator.check(nullDacl, ALICE_TOKEN, ENROLL).granted());
        SecurityDescriptor empty = sd();
        assertEquals(new Decision.EmptyDacl(ENROLL), AccessEvaluator.check(empty, ALICE_TOKEN, ENROLL));
        assertFalse(AccessEvaluator.check(empty, ALICE_TOKEN, ENROLL).granted());
    }

    @Test
    void unknownAndAuditAceTypesAreSkipped() {
        OpaqueAce unknown = new OpaqueAce(new AceType(0x0C), FlagWord.of(AceFlag.class, 0), new byte[] {1, 2, 3, 4});
        SimpleAce audit = new SimpleAce(AceType.SYSTEM_AUDIT, 0x80, CR, ALICE);
        SecurityDescriptor sd = sd(unknown, audit, allowObject(ENROLL.guid(), ALICE));
        assertDecidedBy(AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL), true, 2, ALICE, Basis.OBJECT_TYPE);
    }

    @Test
    void theSpecExampleGrantsAdministratorsThroughGenericAll() throws Exception {
        SecurityDescriptor sd = SecurityDescriptor.decode(SecurityDescriptorTest.SPEC_EXAMPLE);
        CallerSids admin = CallerSids.exactly(ALICE, Set.of(WellKnownSids.BUILTIN_ADMINISTRATORS));
        CallerSids user = CallerSids.exactly(ALICE, Set.of(WellKnownSids.BUILTIN_USERS));
        assertDecidedBy(
                AccessEvaluator.check(sd, admin, ENROLL),
                true,
                1,
                WellKnownSids.BUILTIN_ADMINISTRATORS,
                Basis.GENERIC_ALL);
        assertEquals(new Decision.NoMatch(ENROLL, 4), AccessEvaluator.check(sd, user, ENROLL));
    }

    @Test
    void autoEnrollNeedsEnrollToo() {
        TemplatePermission onlyAuto =
                AccessEvaluator.templatePermission(sd(allowObject(AUTO_ENROLL.guid(), ALICE)), ALICE_TOKEN);
        assertTrue(onlyAuto.autoEnroll().granted());
        assertFalse(onlyAuto.canAutoEnroll());
        TemplatePermission both = AccessEvaluator.templatePermission(
                sd(allowObject(ENROLL.guid(), ALICE), allowObject(AUTO_ENROLL.guid(), ALICE)), ALICE_TOKEN);
        assertTrue(both.canEnroll());
        assertTrue(both.canAutoEnroll());
    }

    @Test
    void explainNamesTheAceAndTrustee() {
        SecurityDescriptor sd = sd(denyObject(ENROLL.guid(), BLOCKED));
        CallerSids bob = CallerSids.exactly(BOB, Set.of(BLOCKED));
        assertEquals(
                "Enroll denied by ACE #0 (ACCESS_DENIED_OBJECT, OBJECT_TYPE) for S-1-5-21-1-2-3-1111",
                AccessEvaluator.check(sd, bob, ENROLL).explain());
        assertEquals(
                "Enroll denied: none of the 1 ACEs applies to the caller",
                AccessEvaluator.check(sd, ALICE_TOKEN, ENROLL).explain());
    }
}
