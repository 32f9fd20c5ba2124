package org.cews.lab.directory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cews.lab.FakeLabCa;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabCaContext;
import org.cews.lab.LabRealm;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab CA's directory cache over the embedded directory: no LDAP operation per request once
 * warm, and every write made over LDAP seen by the next read; a write the count cannot see only
 * after {@link CachingLabDirectory#refresh()}.
 */
class CachingLabDirectoryTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();
    static final RpcPrincipal ALICE = new RpcPrincipal("alice", "LAB");

    @TempDir
    Path state;

    EmbeddedDirectory embedded;
    CachingLabDirectory cache;

    @BeforeEach
    void start() throws Exception {
        embedded = EmbeddedDirectory.start(0, ACCOUNTS);
        cache = new CachingLabDirectory(
                ldap(), Optional.of(embedded.changes()), Duration.ofHours(1), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        cache.close();
        embedded.close();
    }

    LdapLabDirectory ldap() throws Exception {
        LabAccounts.User svc = ACCOUNTS.requireUser("svc-cep");
        LabCaContext context = new LabCaContext(
                state, LabRealm.LOOPBACK, embedded.port(), svc.dn(), svc.password(), ACCOUNTS, Clock.systemUTC());
        return new LdapLabDirectory(new DirectoryConnector(context.directoryConfig()), Clock.systemUTC());
    }

    @Test
    void onceWarmARequestCostsNoSearch() throws Exception {
        PolicySnapshot first = cache.policy();
        LabAccount alice = cache.account(ALICE).orElseThrow();
        long searches = embedded.searches();
        for (int i = 0; i < 20; i++) {
            assertSame(first, cache.policy());
            assertSame(alice, cache.account(ALICE).orElseThrow());
        }
        assertEquals(searches, embedded.searches());
        assertTrue(searches > 0, "the first reads went to the directory");
    }

    @Test
    void aWriteOverLdapIsSeenByTheNextRead() throws Exception {
        assertEquals(0, webServerKeyFlags());
        assertEquals(
                Optional.of("alice@lab.example"),
                cache.account(ALICE).orElseThrow().mail());
        try (LDAPConnection connection = embedded.server().getConnection()) {
            connection.modify(
                    templateDn("WebServer"), new Modification(ModificationType.REPLACE, "msPKI-Private-Key-Flag", "1"));
            connection.modify(
                    ACCOUNTS.requireUser("alice").dn(),
                    new Modification(ModificationType.REPLACE, "mail", "alice.archer@lab.example"));
        }
        assertEquals(1, webServerKeyFlags());
        assertEquals(
                Optional.of("alice.archer@lab.example"),
                cache.account(ALICE).orElseThrow().mail());
    }

    @Test
    void publishingTheCaCertificateIsAWriteTheCacheSees() throws Exception {
        long before = embedded.changes().count();
        PolicySnapshot old = cache.policy();
        FakeLabCa ca = new FakeLabCa();
        embedded.publishCaCertificate(ca.name(), ca.chain().get(0));
        assertEquals(before + 1, embedded.changes().count());
        assertArrayEquals(
                ca.chain().get(0).getEncoded(),
                cache.policy()
                        .enrollmentService(ca.name())
                        .orElseThrow()
                        .caCertificates()
                        .get(0));
        assertNotSame(old, cache.policy());
    }

    @Test
    void aWriteTheCountCannotSeeNeedsARefresh() throws Exception {
        cache.policy();
        embedded.server() // the server object's own modify bypasses the interceptors
                .modify(
                        templateDn("WebServer"),
                        new Modification(ModificationType.REPLACE, "msPKI-Private-Key-Flag", "1"));
        assertEquals(0, webServerKeyFlags(), "still the kept policy");
        cache.refresh();
        assertEquals(1, webServerKeyFlags());
    }

    /** Without a change count: accounts on every call, the policy kept until refreshed. */
    @Test
    void withoutAChangeCountAccountsAreReadEveryTime() throws Exception {
        try (CachingLabDirectory blind =
                new CachingLabDirectory(ldap(), Optional.empty(), Duration.ofHours(1), Clock.systemUTC())) {
            blind.account(ALICE);
            long searches = embedded.searches();
            blind.account(ALICE);
            assertTrue(embedded.searches() > searches);
            searches = embedded.searches();
            blind.policy();
            assertEquals(searches, embedded.searches());
        }
    }

    @Test
    void aDirectoryDownFromTheStartFailsUntilItComesBack() throws Exception {
        Flaky flaky = new Flaky(ldap());
        flaky.down.set(true);
        AtomicInteger changes = new AtomicInteger();
        try (CachingLabDirectory c =
                new CachingLabDirectory(flaky, Optional.of(changes::get), Duration.ofHours(1), Clock.systemUTC())) {
            DirectoryException e = assertThrows(DirectoryException.class, c::policy);
            assertTrue(e.getMessage().contains("no domain controller usable"), e.getMessage());
            flaky.down.set(false);
            assertEquals(
                    "Lab-Issuing-CA", c.policy().enrollmentServices().get(0).cn());
            assertThrows(DirectoryException.class, () -> {
                flaky.down.set(true);
                c.refresh();
            });
            assertEquals(
                    "Lab-Issuing-CA", c.policy().enrollmentServices().get(0).cn(), "the last good policy");
        }
    }

    int webServerKeyFlags() throws DirectoryException {
        return cache.policy()
                .template("WebServer")
                .orElseThrow()
                .privateKeyFlags()
                .value();
    }

    static String templateDn(String cn) {
        return "CN=" + cn + ",CN=Certificate Templates,CN=Public Key Services,CN=Services," + LabRealm.CONFIG_NC;
    }

    /** A directory that can be taken down, counting its reads. */
    static final class Flaky implements LabDirectory {
        final LabDirectory directory;
        final AtomicBoolean down = new AtomicBoolean();
        final List<String> reads = new ArrayList<>();

        Flaky(LabDirectory directory) {
            this.directory = directory;
        }

        @Override
        public PolicySnapshot policy() throws DirectoryException {
            reads.add("policy");
            if (down.get()) {
                throw new DirectoryException("no domain controller usable");
            }
            return directory.policy();
        }

        @Override
        public Optional<LabAccount> account(org.cews.policy.acl.Sid sid) throws DirectoryException {
            reads.add("account");
            if (down.get()) {
                throw new DirectoryException("no domain controller usable");
            }
            return directory.account(sid);
        }

        @Override
        public Optional<LabAccount> account(RpcPrincipal caller) throws DirectoryException {
            reads.add("account");
            if (down.get()) {
                throw new DirectoryException("no domain controller usable");
            }
            return directory.account(caller);
        }
    }
}
