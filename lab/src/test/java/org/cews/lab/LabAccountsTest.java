package org.cews.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cews.policy.fixtures.LabForest;
import org.cews.wcce.msnlmp.NtlmV2;
import org.cews.wcce.server.msnlmp.NtlmCredentialLookup;
import org.junit.jupiter.api.Test;

class LabAccountsTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();

    @Test
    void theAccountsAreTheFixturesOnesWithTheirDns() {
        assertEquals(
                List.of("WEB01$", "alice", "bob", "carol", "svc-cep", "svc-ces"),
                ACCOUNTS.users().stream().map(LabAccounts.User::samAccountName).toList());
        assertEquals(LabForest.ALICE_DN, ACCOUNTS.requireUser("alice").dn());
        assertEquals(LabForest.WEB01_DN, ACCOUNTS.requireUser("web01$").dn());
        assertEquals(LabForest.SVC_CEP_PASSWORD, ACCOUNTS.requireUser("svc-cep").password());
        assertEquals(
                List.of("HTTP/localhost", "host/ca.lab.example"),
                ACCOUNTS.services().stream().map(LabAccounts.Service::spn).toList());
    }

    @Test
    void ntlmLooksUpUsersInTheLabDomainByAnyOfItsNames() {
        NtlmCredentialLookup ntlm = ACCOUNTS.ntlm();
        byte[] alice = NtlmV2.ntHash(ACCOUNTS.requireUser("alice").password().toCharArray());
        for (String domain : new String[] {"LAB", "lab", "lab.example", "LAB.EXAMPLE", ""}) {
            assertArrayEquals(alice, ntlm.ntHash("Alice", domain).orElseThrow(), domain);
        }
        assertTrue(ntlm.ntHash("alice", "OTHER").isEmpty());
        assertTrue(ntlm.ntHash("mallory", "LAB").isEmpty());
    }

    @Test
    void passwordsStayOutOfToString() {
        assertFalse(ACCOUNTS.toString().contains(ACCOUNTS.requireUser("alice").password()));
    }
}
