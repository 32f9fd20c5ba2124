package org.cews.wcce.kerberos;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.kerberos.messages.EncTicketPart;
import org.cews.wcce.kerberos.messages.EncryptedData;
import org.cews.wcce.kerberos.messages.PrincipalName;
import org.cews.wcce.kerberos.messages.Ticket;
import org.cews.wcce.server.kerberos.ServiceKeys;

/**
 * Plays the KDC for the tests: issues a service ticket for {@code host/ca.lab.test@LAB.TEST} the
 * way a TGS would (RFC 4120 §3.3.3): a fresh session key in an EncTicketPart, encrypted with the
 * service's long-term key under usage 2.
 */
final class TestKdc {

    static final String REALM = "LAB.TEST";
    static final PrincipalName SERVICE = PrincipalName.of(PrincipalName.NT_SRV_INST, "host/ca.lab.test");
    static final PrincipalName ALICE = PrincipalName.of(PrincipalName.NT_PRINCIPAL, "alice");
    static final long KVNO = 3;
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00.123456789Z");

    final EncryptionKey serviceKey;
    private final RandomSource random;

    TestKdc(EncryptionType type, long seed) throws Exception {
        Random r = new Random(seed);
        this.random = r::nextBytes;
        this.serviceKey = EncryptionKey.random(type, random);
    }

    ServiceKeys keys() {
        return ServiceKeys.of(KVNO, serviceKey);
    }

    ServiceTicket issue() throws Exception {
        return issue(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(9)), 0);
    }

    ServiceTicket issue(Instant authtime, Instant endtime, int flags) throws Exception {
        return issue(EncryptionType.AES256_CTS_HMAC_SHA1_96, authtime, endtime, flags);
    }

    ServiceTicket issue(EncryptionType sessionType, Instant authtime, Instant endtime, int flags) throws Exception {
        EncryptionKey sessionKey = EncryptionKey.random(sessionType, random);
        EncTicketPart part =
                new EncTicketPart(flags | 0x40A00000, sessionKey, REALM, ALICE, authtime, null, endtime, null);
        EncryptedData encPart = EncryptedData.encrypt(serviceKey, KVNO, KeyUsage.TICKET, part.encode(), random);
        Ticket ticket = Ticket.of(REALM, SERVICE, encPart);
        return ServiceTicket.of(ticket.encoded(), sessionKey, ALICE, REALM);
    }
}
