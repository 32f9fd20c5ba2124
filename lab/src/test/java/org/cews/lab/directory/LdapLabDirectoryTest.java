package org.cews.lab.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.cews.policy.acl.WellKnownSids;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.TransportSecurity;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LdapLabDirectory against the lab forest: accounts by every principal form, and the policy. */
class LdapLabDirectoryTest {

    static InMemoryAd ad;
    static LdapLabDirectory directory;

    static LdapLabDirectory over(int port) throws DirectoryException {
        return new LdapLabDirectory(
                new DirectoryConnector(DirectoryConfig.builder()
                        .security(TransportSecurity.NONE)
                        .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                        .connectTimeout(Duration.ofSeconds(2))
                        .responseTimeout(Duration.ofSeconds(5))
                        .server("127.0.0.1", port)
                        .build()),
                Clock.systemUTC());
    }

    @BeforeAll
    static void start() throws Exception {
        ad = InMemoryAd.start();
        directory = over(ad.port());
    }

    @AfterAll
    static void stop() {
        ad.close();
    }

    @Test
    void anNtlmUserHasSidGroupsAndNameAttributes() throws Exception {
        LabAccount alice = directory.account(new RpcPrincipal("alice", "LAB")).orElseThrow();
        assertEquals(LabForest.ALICE_DN, alice.dn());
        assertEquals("alice", alice.samAccountName());
        assertEquals(LabForest.ALICE, alice.sid());
        // tokenGroups, as AD computes it: BUILTIN\\Users through Domain Users.
        assertEquals(
                Set.of(LabForest.DOMAIN_USERS, LabForest.WEB_SERVER_ENROLLERS, WellKnownSids.BUILTIN_USERS),
                Set.copyOf(alice.groupSids()));
        assertFalse(alice.computer());
        assertEquals(Optional.of("alice@lab.example"), alice.userPrincipalName());
        assertEquals(Optional.of("alice@lab.example"), alice.mail());
        assertEquals(Optional.of("Alice Archer"), alice.displayName());
        assertEquals(Optional.empty(), alice.dnsHostName());
    }

    @Test
    void aKerberosNameAtRealmAndADomainPrefixedNameFindTheSameAccount() throws Exception {
        assertEquals(
                LabForest.BOB,
                directory
                        .account(new RpcPrincipal("bob@LAB.EXAMPLE", "LAB.EXAMPLE"))
                        .orElseThrow()
                        .sid());
        assertEquals(
                LabForest.BOB,
                directory
                        .account(new RpcPrincipal("LAB\\bob", null))
                        .orElseThrow()
                        .sid());
    }

    @Test
    void aComputerIsItsNameWithADollar() throws Exception {
        LabAccount web01 =
                directory.account(new RpcPrincipal("WEB01$", "LAB.EXAMPLE")).orElseThrow();
        assertTrue(web01.computer());
        assertEquals(Optional.of("web01.lab.example"), web01.dnsHostName());
        assertEquals(Set.of(LabForest.DOMAIN_COMPUTERS), Set.copyOf(web01.groupSids()));
        assertTrue(directory.account(new RpcPrincipal("WEB01", "LAB")).isEmpty(), "without the $ it is no account");
    }

    @Test
    void anUnknownOrEmptyNameIsNoAccount() throws Exception {
        assertTrue(directory.account(new RpcPrincipal("mallory", "LAB")).isEmpty());
        assertTrue(directory.account(new RpcPrincipal("", "LAB")).isEmpty());
        assertTrue(directory.account(new RpcPrincipal("@LAB.EXAMPLE", "LAB")).isEmpty());
    }

    @Test
    void thePolicyIsTheForestsPkiObjects() throws Exception {
        var policy = directory.policy();
        assertTrue(policy.template("LabPendAll").orElseThrow().pendsAllRequests());
        assertTrue(policy.enrollmentService(LabForest.CA_NAME).orElseThrow().publishes("User"));
    }

    @Test
    void anUnreachableDirectoryIsADirectoryException() throws Exception {
        LdapLabDirectory down = over(1);
        assertThrows(DirectoryException.class, () -> down.account(new RpcPrincipal("alice", "LAB")));
        assertThrows(DirectoryException.class, down::policy);
    }
}
