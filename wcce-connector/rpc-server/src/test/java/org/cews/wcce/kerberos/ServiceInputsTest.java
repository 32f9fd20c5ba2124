package org.cews.wcce.kerberos;

import static org.cews.wcce.kerberos.KerberosContextTest.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Random;
import javax.security.auth.kerberos.KerberosKey;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KerberosTicket;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.messages.EncTicketPart;
import org.cews.wcce.kerberos.messages.EncryptedData;
import org.cews.wcce.kerberos.messages.Ticket;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.kerberos.KerberosServerContext;
import org.cews.wcce.server.kerberos.ServiceKeys;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.Test;

/** What the CES hands the client (a JDK KerberosTicket) and what the lab hands the server (keys). */
class ServiceInputsTest {

    /** docs/KERBEROS-S4U.md §3b: getEncoded(), getSessionKeyType(), getSessionKey() and the client principal. */
    @Test
    void aJdkKerberosTicketDrivesTheClient() throws Exception {
        ServiceKeys keys = ServiceKeys.fromPassword(
                "casvc-Pa55",
                "LAB.TESTcasvc",
                2,
                EncryptionType.AES256_CTS_HMAC_SHA1_96,
                EncryptionType.AES128_CTS_HMAC_SHA1_96);
        EncryptionKey serviceKey = keys.entries().get(0).key();
        EncryptionKey sessionKey =
                EncryptionKey.random(EncryptionType.AES256_CTS_HMAC_SHA1_96, new Random(1)::nextBytes);
        EncTicketPart part = new EncTicketPart(
                0x40A00000,
                sessionKey,
                "LAB.TEST",
                TestKdc.ALICE,
                TestKdc.NOW.minusSeconds(60),
                null,
                TestKdc.NOW.plus(Duration.ofHours(1)),
                null);
        Ticket ticket = Ticket.of(
                "LAB.TEST",
                TestKdc.SERVICE,
                EncryptedData.encrypt(serviceKey, 2L, KeyUsage.TICKET, part.encode(), new Random(2)::nextBytes));
        KerberosTicket jdk = new KerberosTicket(
                ticket.encoded(),
                new KerberosPrincipal("alice@LAB.TEST", KerberosPrincipal.KRB_NT_PRINCIPAL),
                new KerberosPrincipal("host/ca.lab.test@LAB.TEST", KerberosPrincipal.KRB_NT_SRV_INST),
                sessionKey.value(),
                18,
                new boolean[32],
                Date.from(TestKdc.NOW),
                null,
                Date.from(TestKdc.NOW.plus(Duration.ofHours(1))),
                null,
                null);

        KerberosClientContext client =
                new KerberosClientContext(ServiceTicket.from(jdk), new Random(3)::nextBytes, CLOCK);
        KerberosServerContext server = new KerberosServerContext(keys, new Random(4)::nextBytes, CLOCK);
        server.accept(client.nextToken(server.accept(client.initialToken()).orElseThrow())
                .orElseThrow());
        assertEquals(new RpcPrincipal("alice", "LAB.TEST"), server.principal());

        jdk.destroy();
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> ServiceTicket.from(jdk));
        assertEquals("service ticket (expected: usable, actual: destroyed)", e.getMessage());
    }

    @Test
    void principalNamesSplitAtUnescapedSlashesBeforeTheRealm() {
        assertEquals(List.of("alice"), ServiceTicket.components("alice@LAB.TEST"));
        assertEquals(List.of("host", "ca.lab.test"), ServiceTicket.components("host/ca.lab.test@LAB.TEST"));
        assertEquals(List.of("a/b", "c@d"), ServiceTicket.components("a\\/b/c\\@d@LAB.TEST"));
    }

    @Test
    void keytabKeysAreTakenByTypeAndVersion() {
        KerberosPrincipal casvc = new KerberosPrincipal("casvc@LAB.TEST");
        ServiceKeys keys = ServiceKeys.from(
                new KerberosKey(casvc, new byte[32], 18, 5), new KerberosKey(casvc, new byte[16], 17, 5));
        assertEquals(2, keys.entries().size());
        assertEquals(5, keys.entries().get(0).kvno());
        assertEquals(List.of(keys.entries().get(1).key()), keys.candidates(EncryptionType.AES128_CTS_HMAC_SHA1_96, 9L));
        assertEquals(List.of(), keys.candidates(EncryptionType.RC4_HMAC, 5L));
    }

    @Test
    void passwordKeysMatchTheJdk() throws Exception {
        ServiceKeys keys =
                ServiceKeys.fromPassword("casvc-Pa55", "LAB.TESTcasvc", 2, EncryptionType.AES256_CTS_HMAC_SHA1_96);
        KerberosKey jdk =
                new KerberosKey(new KerberosPrincipal("casvc@LAB.TEST"), "casvc-Pa55".toCharArray(), "AES256");
        assertEquals(
                new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, jdk.getEncoded()),
                keys.entries().get(0).key());
    }
}
