package org.cews.policy.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.junit.jupiter.api.Test;

/** A password checked by a simple bind as the account, on the in-memory AD. */
class PasswordCheckTest {

    /** Counts the simple binds that reach the server into {@code binds}. */
    private static InMemoryOperationInterceptor countingSimpleBinds(AtomicInteger binds) {
        return new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                binds.incrementAndGet();
            }
        };
    }

    private static PasswordCheck check(InMemoryAd ad) throws DirectoryException {
        return new PasswordCheck(
                new DirectoryConnector(AdPolicyReaderTest.config(ad.port()).build()));
    }

    @Test
    void theRightPasswordBindsAndAWrongOneDoesNot() throws Exception {
        try (InMemoryAd ad = InMemoryAd.start()) {
            PasswordCheck check = check(ad);
            assertTrue(check.verify(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray())
                    .accepted());
            PasswordCheck.Outcome wrong = check.verify(LabForest.SVC_CEP_DN, "Lab-Cep-Reader-2".toCharArray());
            assertFalse(wrong.accepted());
            assertTrue(wrong.reason().startsWith("invalid credentials"), wrong.reason());
        }
    }

    @Test
    void anEmptyPasswordIsRefusedWithoutABind() throws Exception {
        // AD answers a simple bind with a name and no password as an anonymous bind: success
        // (RFC 4513 5.1.2). So the check must never send one; count what reaches the server.
        AtomicInteger binds = new AtomicInteger();
        InMemoryOperationInterceptor counting = countingSimpleBinds(binds);
        try (InMemoryAd ad = InMemoryAd.start(counting)) {
            PasswordCheck.Outcome empty = check(ad).verify(LabForest.SVC_CEP_DN, new char[0]);
            assertFalse(empty.accepted());
            assertTrue(empty.reason().contains("empty password"), empty.reason());
            assertEquals(0, binds.get());
            assertTrue(check(ad)
                    .verify(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray())
                    .accepted());
            assertEquals(1, binds.get(), "the counter sees the bind of a real password");
        }
    }

    /**
     * A directory read over plain LDAP with a GSSAPI bind (sealed) is one whose DC refuses simple
     * binds in clear (Samba's default, AD with LDAP signing required: "strong auth required", which
     * made every UsernameToken a 503): the password goes to the KDC instead, never in a simple bind.
     * Here no KDC answers, so the check has no answer either (the Samba tier proves the rest).
     */
    @Test
    void aDirectoryReadSealedChecksPasswordsByKerberosNeverBySimpleBind() throws Exception {
        AtomicInteger binds = new AtomicInteger();
        InMemoryOperationInterceptor counting = countingSimpleBinds(binds);
        try (InMemoryAd ad = InMemoryAd.start(counting)) {
            BindMethod gssapi = new BindMethod.GssapiKeytab("svc-cep@LAB.EXAMPLE", Path.of("no-such.keytab"));
            PasswordCheck sealed = new PasswordCheck(new DirectoryConnector(
                    AdPolicyReaderTest.config(ad.port()).bind(gssapi).build()));
            assertTrue(sealed.byKerberos());
            String krb5 = System.getProperty("java.security.krb5.conf");
            System.setProperty("java.security.krb5.conf", "/nonexistent/krb5.conf");
            try {
                DirectoryException e = assertThrows(
                        DirectoryException.class,
                        () -> sealed.verify(LabForest.ALICE_DN, "alice@LAB.EXAMPLE", "Alice-1".toCharArray()));
                assertTrue(
                        e.getMessage().startsWith("the Kerberos bind as alice@LAB.EXAMPLE could not be made"),
                        e.getMessage());
                assertFalse(e.getMessage().contains("Alice-1"), e.getMessage());
            } finally {
                if (krb5 == null) {
                    System.clearProperty("java.security.krb5.conf");
                } else {
                    System.setProperty("java.security.krb5.conf", krb5);
                }
            }
            assertEquals(0, binds.get(), "no simple bind carried the password");

            assertFalse(check(ad).byKerberos(), "the lab's simple bind over plain LDAP");
            assertTrue(check(ad)
                    .verify(LabForest.SVC_CEP_DN, "svc-cep@LAB.EXAMPLE", LabForest.SVC_CEP_PASSWORD.toCharArray())
                    .accepted());
            assertEquals(1, binds.get(), "with a simple bind");
        }
    }

    /** The JDK's messages for a KDC's refusal (a wrong password) and for no answer (no KDC). */
    @Test
    void aKdcsRefusalIsAWrongPasswordAndNoKdcIsNoAnswer() {
        assertTrue(KeytabGssapiBind.refusedByKdc("Pre-authentication information was invalid (24)"));
        assertTrue(KeytabGssapiBind.refusedByKdc("Client not found in Kerberos database (6)"));
        assertTrue(KeytabGssapiBind.refusedByKdc("Clients credentials have been revoked (18)"));
        assertFalse(KeytabGssapiBind.refusedByKdc("Cannot locate KDC"));
        assertFalse(KeytabGssapiBind.refusedByKdc("Receive timed out"));
        assertFalse(KeytabGssapiBind.refusedByKdc("KDC has no support for encryption type (14)"));
    }

    @Test
    void anUnreachableDirectoryIsNoAnswer() throws Exception {
        int down = DirectoryConnectionTest.closedPort();
        PasswordCheck check = new PasswordCheck(
                new DirectoryConnector(AdPolicyReaderTest.config(down).build()));
        DirectoryException e =
                assertThrows(DirectoryException.class, () -> check.verify(LabForest.SVC_CEP_DN, "x".toCharArray()));
        assertTrue(e.getMessage().startsWith("no domain controller usable"), e.getMessage());
    }

    @Test
    void adSubStatusesAreNamed() {
        assertEquals(
                Optional.of("account disabled"),
                PasswordCheck.adReason(
                        "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 533, v4563"));
        assertEquals(Optional.of("wrong password"), PasswordCheck.adReason("... data 52e, v893"));
        assertEquals(Optional.empty(), PasswordCheck.adReason("Unable to bind"));
        assertEquals(Optional.empty(), PasswordCheck.adReason(null));
    }
}
