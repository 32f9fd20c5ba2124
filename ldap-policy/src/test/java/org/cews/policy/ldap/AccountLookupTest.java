package org.cews.policy.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.Optional;
import java.util.Set;
import org.cews.policy.acl.Sid;
import org.cews.policy.acl.WellKnownSids;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mapping callers to accounts on the in-memory AD: by each name a credential carries. */
class AccountLookupTest {

    private InMemoryAd ad;
    private AccountLookup lookup;

    @BeforeEach
    void start() throws Exception {
        ad = InMemoryAd.start();
        lookup = new AccountLookup(
                new DirectoryConnector(AdPolicyReaderTest.config(ad.port()).build()));
    }

    @AfterEach
    void stop() {
        ad.close();
    }

    @Test
    void bySamAccountNameWithSidAndTokenGroupsPrimaryGroupIncluded() throws Exception {
        DirectoryAccount alice = lookup.bySamAccountName("alice").orElseThrow();
        assertEquals(LabForest.ALICE_DN, alice.dn());
        assertEquals("alice", alice.samAccountName());
        assertEquals(LabForest.ALICE, alice.sid());
        assertTrue(
                alice.tokenGroups().contains(LabForest.DOMAIN_USERS),
                alice.tokenGroups().toString());
        assertTrue(
                alice.tokenGroups().contains(LabForest.WEB_SERVER_ENROLLERS),
                alice.tokenGroups().toString());
        assertFalse(alice.disabled());
        // tokenGroups is read at base scope, the only scope AD computes it for.
        assertEquals("BASE", ad.searchesUnder(LabForest.ALICE_DN).get(0).scope().toUpperCase());
    }

    @Test
    void sameAnswerByUpnBySidAndIgnoringTheCaseOfNames() throws Exception {
        DirectoryAccount bySam = lookup.bySamAccountName("ALICE").orElseThrow();
        assertEquals(bySam, lookup.byUserPrincipalName("Alice@Lab.Example").orElseThrow());
        assertEquals(bySam, lookup.bySid(LabForest.ALICE).orElseThrow());
    }

    @Test
    void computersByDnsHostNameOnly() throws Exception {
        DirectoryAccount web01 = lookup.byDnsHostName("web01.lab.example").orElseThrow();
        assertEquals("WEB01$", web01.samAccountName());
        assertEquals(LabForest.WEB01, web01.sid());
        assertEquals(Set.of(LabForest.DOMAIN_COMPUTERS), web01.tokenGroups());
        assertEquals(Optional.of(web01), lookup.bySamAccountName("WEB01$"));
        // A user entry with a dNSHostName is no computer.
        try (LDAPConnection c = ad.server().getConnection()) {
            c.modify(LabForest.CAROL_DN, new Modification(ModificationType.ADD, "objectClass", "computer"));
        }
        assertEquals(Optional.empty(), lookup.byDnsHostName("carol.lab.example"));
    }

    @Test
    void unknownNamesFindNothing() throws Exception {
        assertEquals(Optional.empty(), lookup.bySamAccountName("nobody"));
        assertEquals(Optional.empty(), lookup.byUserPrincipalName("alice@other.example"));
        assertEquals(Optional.empty(), lookup.bySid(LabForest.DOMAIN_SID.withRid(4242)));
        assertEquals(Optional.empty(), lookup.byDnsHostName("web02.lab.example"));
        // A group has a SID but is no account a caller can be.
        assertEquals(Optional.empty(), lookup.bySid(LabForest.WEB_SERVER_ENROLLERS));
    }

    @Test
    void aDisabledAccountSaysSo() throws Exception {
        try (LDAPConnection c = ad.server().getConnection()) {
            c.modify(LabForest.BOB_DN, new Modification(ModificationType.REPLACE, "userAccountControl", "514"));
        }
        assertTrue(lookup.bySamAccountName("bob").orElseThrow().disabled());
    }

    @Test
    void aNameTwoAccountsAnswerToMapsNobody() throws Exception {
        try (LDAPConnection c = ad.server().getConnection()) {
            c.modify(
                    LabForest.CAROL_DN,
                    new Modification(ModificationType.REPLACE, AccountLookup.USER_PRINCIPAL_NAME, "alice@lab.example"));
        }
        AccountNotUniqueException e =
                assertThrows(AccountNotUniqueException.class, () -> lookup.byUserPrincipalName("alice@lab.example"));
        assertTrue(e.getMessage().contains(LabForest.CAROL_DN), e.getMessage());
    }

    @Test
    void sidsAreWhatThePolicyViewTakes() throws Exception {
        DirectoryAccount bob = lookup.bySid(Sid.parse(LabForest.BOB.toString())).orElseThrow();
        assertEquals(
                Set.of(LabForest.DOMAIN_USERS, LabForest.PKI_ENROLL_BLOCKED, WellKnownSids.BUILTIN_USERS),
                bob.sids().tokenGroups());
        assertTrue(bob.sids().callerSids().contains(WellKnownSids.AUTHENTICATED_USERS));
    }
}
