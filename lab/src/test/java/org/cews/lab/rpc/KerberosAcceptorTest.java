package org.cews.lab.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.cews.lab.LabRealm;
import org.cews.wcce.kerberos.KerberosClientContext;
import org.cews.wcce.kerberos.ServiceTicket;
import org.cews.wcce.kerberos.SpnegoClientContext;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.kerberos.messages.EncTicketPart;
import org.cews.wcce.kerberos.messages.EncryptedData;
import org.cews.wcce.kerberos.messages.PrincipalName;
import org.cews.wcce.kerberos.messages.Ticket;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.ClientSecurityContext;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.kerberos.ServiceKeys;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.cews.wcce.server.msrpce.ServerSecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lab CA's Kerberos acceptor as an attacker meets it (issue 11 item 7), with tickets forged
 * under a known service key (RFC 4120 §5.3): an AP-REQ seen once is refused the second time (the
 * replay cache of RFC 4120 §3.2.3), the acceptor's own AP-REP sent back as the third leg
 * authenticates nobody and leaves no "authenticated" line, and a client of another realm is refused
 * instead of being taken for the lab account of the same name. Raw Kerberos (16) and SPNEGO (9).
 */
class KerberosAcceptorTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final RandomSource RANDOM = RandomSource.secure();
    static final EncryptionKey SERVICE_KEY = random(EncryptionType.AES256_CTS_HMAC_SHA1_96);
    static final ServiceKeys KEYS = ServiceKeys.of(3, SERVICE_KEY);

    final List<String> lines = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    final Logger log = Logger.getLogger(LabSecurity.class.getName());

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(capture);
    }

    static EncryptionKey random(EncryptionType type) {
        try {
            return EncryptionKey.random(type, RANDOM);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A service ticket for {@code client@clientRealm} to host/ca.lab.example, sealed with the CA's key. */
    static ServiceTicket ticket(String client, String clientRealm) throws Exception {
        EncryptionKey session = random(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        PrincipalName cname = PrincipalName.of(PrincipalName.NT_PRINCIPAL, client);
        EncTicketPart part =
                new EncTicketPart(0, session, clientRealm, cname, NOW, NOW, NOW.plus(10, ChronoUnit.HOURS), null);
        Ticket ticket = Ticket.of(
                LabRealm.REALM,
                new PrincipalName(PrincipalName.NT_SRV_INST, List.of("host", LabRealm.CA_HOST)),
                EncryptedData.encrypt(SERVICE_KEY, 3L, KeyUsage.TICKET, part.encode(), RANDOM));
        return new ServiceTicket(ticket, session, cname, clientRealm);
    }

    static ClientSecurityContext client(AuthType type, ServiceTicket ticket) {
        KerberosClientContext kerberos = new KerberosClientContext(ticket, RANDOM, CLOCK);
        return type.equals(AuthType.SPNEGO) ? new SpnegoClientContext(kerberos) : kerberos;
    }

    static LabSecurity security() {
        return LabSecurity.kerberosOnly(LabRealm.REALM, KEYS, new SecureRandom(), CLOCK);
    }

    static AuthType type(int code) {
        return code == 9 ? AuthType.SPNEGO : AuthType.KERBEROS;
    }

    /** The whole exchange, as the RPC server drives it; the server's context at its end. */
    static ServerSecurityContext exchange(LabSecurity security, ClientSecurityContext client) throws Exception {
        ServerSecurityContext server = security.newContext(client.authType()).orElseThrow();
        byte[] reply = server.accept(client.initialToken()).orElseThrow();
        while (!server.isEstablished()) {
            reply = server.accept(client.nextToken(reply).orElseThrow()).orElse(null);
        }
        if (reply != null) {
            client.nextToken(reply);
        }
        return server;
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 9})
    void anHonestClientIsStillAuthenticated(int authType) throws Exception {
        ServerSecurityContext server = exchange(security(), client(type(authType), ticket("alice", LabRealm.REALM)));
        assertEquals(new RpcPrincipal("alice", LabRealm.REALM), server.principal());
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 9})
    void twoLogonsInTheSameMicrosecondAreNotAReplay(int authType) throws Exception {
        LabSecurity security = security();
        ServiceTicket ticket = ticket("alice", LabRealm.REALM);
        exchange(security, client(type(authType), ticket));
        ServerSecurityContext second = exchange(security, client(type(authType), ticket));
        assertEquals(new RpcPrincipal("alice", LabRealm.REALM), second.principal());
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 9})
    void anApReqSeenBeforeIsARefusedReplay(int authType) throws Exception {
        LabSecurity security = security();
        ClientSecurityContext victim = client(type(authType), ticket("alice", LabRealm.REALM));
        byte[] apReq = victim.initialToken();
        security.newContext(type(authType)).orElseThrow().accept(apReq);
        ServerSecurityContext attacker = security.newContext(type(authType)).orElseThrow();
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> attacker.accept(apReq));
        assertTrue(e.getMessage().contains("replay"), e.getMessage());
        assertFalse(attacker.isEstablished());
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 9})
    void theAcceptorsOwnApRepReflectedAuthenticatesNobody(int authType) throws Exception {
        ClientSecurityContext victim = client(type(authType), ticket("alice", LabRealm.REALM));
        ServerSecurityContext server = security().newContext(type(authType)).orElseThrow();
        byte[] apRep = server.accept(victim.initialToken()).orElseThrow();
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server.accept(apRep));
        assertTrue(e.getMessage().contains("reflected"), e.getMessage());
        assertFalse(server.isEstablished());
        assertThrows(RpcSecurityException.class, server::principal);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("LAB0402")), lines.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 9})
    void aClientOfAnotherRealmIsRefusedNotMappedToTheLabAccount(int authType) throws Exception {
        ClientSecurityContext other = client(type(authType), ticket("alice", "OTHER.EXAMPLE"));
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> exchange(security(), other));
        assertTrue(e.getMessage().contains("OTHER.EXAMPLE"), e.getMessage());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("LAB0402")), lines.toString());
    }
}
