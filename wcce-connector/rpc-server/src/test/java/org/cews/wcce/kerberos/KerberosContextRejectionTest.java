package org.cews.wcce.kerberos;

import static org.cews.wcce.kerberos.KerberosContextTest.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.crypto.ChecksumType;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.gss.GssChecksum;
import org.cews.wcce.kerberos.gss.GssFraming;
import org.cews.wcce.kerberos.messages.ApRep;
import org.cews.wcce.kerberos.messages.ApReq;
import org.cews.wcce.kerberos.messages.Authenticator;
import org.cews.wcce.kerberos.messages.Checksum;
import org.cews.wcce.kerberos.messages.EncApRepPart;
import org.cews.wcce.kerberos.messages.EncTicketPart;
import org.cews.wcce.kerberos.messages.EncryptedData;
import org.cews.wcce.kerberos.messages.KrbError;
import org.cews.wcce.kerberos.messages.PrincipalName;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.kerberos.KerberosServerContext;
import org.cews.wcce.server.kerberos.ServiceKeys;
import org.junit.jupiter.api.Test;

/** Every refusal of the AP exchange, with the message it gives. */
class KerberosContextRejectionTest {

    private final TestKdc kdc;

    KerberosContextRejectionTest() throws Exception {
        kdc = new TestKdc(EncryptionType.AES256_CTS_HMAC_SHA1_96, 7);
    }

    @Test
    void aTicketForAnotherKeyIsRefused() throws Exception {
        ServiceKeys wrong =
                ServiceKeys.of(TestKdc.KVNO, new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, new byte[32]));
        KerberosServerContext server = new KerberosServerContext(wrong, new Random(3)::nextBytes, CLOCK);
        byte[] apReq = client(kdc.issue()).initialToken();
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server.accept(apReq));
        assertEquals(
                "ticket: integrity check of 18 aes256-cts-hmac-sha1-96 under usage 2 (expected: a matching HMAC,"
                        + " actual: a mismatch)",
                e.getMessage());
        assertFalse(server.isEstablished());
        e = assertThrows(RpcSecurityException.class, () -> server.accept(apReq));
        assertEquals("Kerberos server context state (expected: SENT_AP_REP, actual: FAILED)", e.getMessage());
    }

    @Test
    void anOlderKeyVersionIsStillTried() throws Exception {
        ServiceKeys rotated = new ServiceKeys(List.of(
                new ServiceKeys.Entry(4, new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, new byte[32])),
                new ServiceKeys.Entry(2, kdc.serviceKey)));
        KerberosServerContext server = new KerberosServerContext(rotated, new Random(3)::nextBytes, CLOCK);
        server.accept(client(kdc.issue()).initialToken());
    }

    @Test
    void aTicketOfAnEtypeWithoutKeyIsRefused() throws Exception {
        ServiceKeys aes128 =
                ServiceKeys.of(TestKdc.KVNO, new EncryptionKey(EncryptionType.AES128_CTS_HMAC_SHA1_96, new byte[16]));
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server(aes128, CLOCK)
                .accept(client(kdc.issue()).initialToken()));
        assertEquals(
                "service key (expected: one for etype 18 aes256-cts-hmac-sha1-96 kvno 3, actual: none)",
                e.getMessage());
    }

    @Test
    void anExpiredTicketIsRefused() throws Exception {
        ServiceTicket expired = kdc.issue(TestKdc.NOW.minus(Duration.ofHours(10)), TestKdc.NOW.minusSeconds(301), 0);
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server(kdc.keys(), CLOCK)
                .accept(client(expired).initialToken()));
        assertEquals(
                "ticket endtime (expected: after 2025-06-01T11:55:00.123456789Z, actual: 2025-06-01T11:54:59Z)",
                e.getMessage());
    }

    @Test
    void aTicketWithinTheSkewOfItsEndIsAccepted() throws Exception {
        ServiceTicket ending = kdc.issue(TestKdc.NOW.minus(Duration.ofHours(10)), TestKdc.NOW.minusSeconds(299), 0);
        server(kdc.keys(), CLOCK).accept(client(ending).initialToken());
    }

    @Test
    void aTicketNotYetValidOrInvalidIsRefused() throws Exception {
        ServiceTicket future = kdc.issue(TestKdc.NOW.plusSeconds(301), TestKdc.NOW.plus(Duration.ofHours(10)), 0);
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server(kdc.keys(), CLOCK)
                .accept(client(future).initialToken()));
        assertEquals(
                "ticket starttime (expected: before 2025-06-01T12:05:00.123456789Z, actual: 2025-06-01T12:05:01Z)",
                e.getMessage());
        ServiceTicket invalid =
                kdc.issue(TestKdc.NOW.minusSeconds(60), TestKdc.NOW.plusSeconds(600), EncTicketPart.INVALID);
        e = assertThrows(RpcSecurityException.class, () -> server(kdc.keys(), CLOCK)
                .accept(client(invalid).initialToken()));
        assertEquals("ticket flags (expected: not invalid, actual: invalid)", e.getMessage());
    }

    @Test
    void aClientClockSixMinutesOffIsRefused() throws Exception {
        Clock ahead = Clock.fixed(TestKdc.NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        byte[] apReq = new KerberosClientContext(kdc.issue(), new Random(2)::nextBytes, ahead).initialToken();
        RpcSecurityException e = assertThrows(
                RpcSecurityException.class, () -> server(kdc.keys(), CLOCK).accept(apReq));
        assertEquals(
                "authenticator ctime (expected: within 5 minutes of 2025-06-01T12:00:00.123456789Z, actual:"
                        + " 2025-06-01T12:06:00Z)",
                e.getMessage());
        Clock fourMinutesBehindTheClient = Clock.fixed(TestKdc.NOW.plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        server(kdc.keys(), fourMinutesBehindTheClient).accept(apReq.clone());
    }

    @Test
    void aTamperedAuthenticatorIsRefused() throws Exception {
        ApReq apReq = ApReq.decode(client(kdc.issue()).initialToken());
        byte[] cipher = apReq.authenticator().cipher();
        cipher[20] ^= 0x01;
        byte[] tampered = new ApReq(
                        apReq.apOptions(),
                        apReq.ticket(),
                        new EncryptedData(apReq.authenticator().etype(), null, cipher))
                .encode();
        RpcSecurityException e = assertThrows(
                RpcSecurityException.class, () -> server(kdc.keys(), CLOCK).accept(tampered));
        assertEquals(
                "AP-REQ: integrity check of 18 aes256-cts-hmac-sha1-96 under usage 11 (expected: a matching HMAC,"
                        + " actual: a mismatch)",
                e.getMessage());
    }

    @Test
    void anAuthenticatorWithoutDceStyleIsRefused() throws Exception {
        ServiceTicket ticket = kdc.issue();
        byte[] twoLeg = apReq(ticket, ticket.client(), GssChecksum.of(0x3E).encode());
        RpcSecurityException e = assertThrows(
                RpcSecurityException.class, () -> server(kdc.keys(), CLOCK).accept(twoLeg));
        assertEquals("GSS checksum flags (expected: DCE_STYLE 0x1000 set, actual: 0x0000003e)", e.getMessage());
    }

    @Test
    void anAuthenticatorWithoutChecksumOrForSomeoneElseIsRefused() throws Exception {
        ServiceTicket ticket = kdc.issue();
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server(kdc.keys(), CLOCK)
                .accept(apReq(ticket, ticket.client(), null)));
        assertEquals("authenticator cksum (expected: 0x8003 with DCE_STYLE, actual: absent)", e.getMessage());
        byte[] mallory = apReq(
                ticket, PrincipalName.of(1, "mallory"), GssChecksum.of(0x103E).encode());
        e = assertThrows(
                RpcSecurityException.class, () -> server(kdc.keys(), CLOCK).accept(mallory));
        assertEquals("authenticator client (expected: alice@LAB.TEST, actual: mallory@LAB.TEST)", e.getMessage());
    }

    @Test
    void aGssFramedApReqIsAcceptedAsSambaDoes() throws Exception {
        byte[] framed =
                GssFraming.frame(GssFraming.TOK_AP_REQ, client(kdc.issue()).initialToken());
        byte[] apRep = server(kdc.keys(), CLOCK).accept(framed).orElseThrow();
        assertEquals(0x6f, apRep[0] & 0xFF, "still a raw AP-REP");
    }

    @Test
    void aThirdLegWithTheClientsSeqNumberOrTheWrongKeyIsRefused() throws Exception {
        ServiceTicket ticket = kdc.issue();
        KerberosClientContext client = client(ticket);
        byte[] apReq = client.initialToken();
        Authenticator authenticator = Authenticator.decode(
                ApReq.decode(apReq).authenticator().decrypt(ticket.sessionKey(), KeyUsage.AP_REQ_AUTHENTICATOR));
        KerberosServerContext server = server(kdc.keys(), CLOCK);
        byte[] serverApRep = server.accept(apReq).orElseThrow();
        EncApRepPart reply = EncApRepPart.decode(
                ApRep.decode(serverApRep).encPart().decrypt(ticket.sessionKey(), KeyUsage.AP_REP_ENC_PART));

        byte[] ownSeq = ApExchange.apRep(
                ticket.sessionKey(),
                new EncApRepPart(authenticator.ctime(), authenticator.cusec(), null, authenticator.seqNumber()),
                new Random(9)::nextBytes);
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server.accept(ownSeq));
        assertEquals(
                "third-leg AP-REP seq-number (expected: " + reply.seqNumber() + ", actual: " + authenticator.seqNumber()
                        + ")",
                e.getMessage());

        KerberosServerContext server2 = server(kdc.keys(), CLOCK);
        server2.accept(apReq);
        byte[] underSubkey = ApExchange.apRep(
                new EncryptionKey(reply.subkey().type(), reply.subkey().value()),
                new EncApRepPart(authenticator.ctime(), authenticator.cusec(), null, reply.seqNumber()),
                new Random(9)::nextBytes);
        e = assertThrows(RpcSecurityException.class, () -> server2.accept(underSubkey));
        assertTrue(e.getMessage().startsWith("third-leg AP-REP: integrity check"), e.getMessage());

        KerberosServerContext lenient = server(kdc.keys(), CLOCK);
        lenient.accept(apReq);
        lenient.accept(ApExchange.apRep(
                ticket.sessionKey(),
                new EncApRepPart(authenticator.ctime(), authenticator.cusec(), null, null),
                new Random(9)::nextBytes));
        assertTrue(lenient.isEstablished(), "no seq-number in leg 3 is accepted, as by Samba");
    }

    /**
     * Samba 4.17 completed sealed SAMR calls after a third leg dated with impacket's current time
     * and after one dated 2001-01-01 (docs/RPC-KERBEROS.md §2): the acceptor does not compare
     * leg 3's ctime/cusec with the Authenticator's.
     */
    @Test
    void aThirdLegWithAnotherTimeIsAcceptedAsSambaDoes() throws Exception {
        ThirdLeg leg = thirdLeg();
        leg.server.accept(ApExchange.apRep(
                leg.sessionKey,
                new EncApRepPart(Instant.parse("2001-01-01T00:00:00Z"), 123, null, leg.reply.seqNumber()),
                new Random(9)::nextBytes));
        assertTrue(leg.server.isEstablished());
    }

    /** What Samba refused with fault 0x721 is refused here too: another message type, pvno or key usage. */
    @Test
    void aThirdLegOfAnotherTypeOrUsageIsRefused() throws Exception {
        ThirdLeg leg = thirdLeg();
        byte[] part = new EncApRepPart(leg.authenticatorTime, 0, null, leg.reply.seqNumber()).encode();
        byte[] encPart = EncryptedData.encrypt(
                        leg.sessionKey, null, KeyUsage.AP_REP_ENC_PART, part, new Random(9)::nextBytes)
                .encode();
        assertThirdLegRefused(apRep(5, 14, encPart), "third-leg AP-REP: msg-type (expected: 15, actual: 14)");
        assertThirdLegRefused(apRep(4, 15, encPart), "third-leg AP-REP: pvno (expected: 5, actual: 4)");
        byte[] usage11 = new ApRep(EncryptedData.encrypt(
                        leg.sessionKey, null, KeyUsage.AP_REQ_AUTHENTICATOR, part, new Random(9)::nextBytes))
                .encode();
        assertThirdLegRefused(usage11, "third-leg AP-REP: integrity check");
        assertThirdLegRefused(leg.apReq, "third-leg AP-REP: ");
    }

    private void assertThirdLegRefused(byte[] token, String messageStart) throws Exception {
        KerberosServerContext server = thirdLeg().server;
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server.accept(token));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertFalse(server.isEstablished());
    }

    private static byte[] apRep(int pvno, int msgType, byte[] encPart) {
        return DerWriter.application(
                15,
                DerWriter.sequence(
                        DerWriter.explicit(0, DerWriter.integer(pvno)),
                        DerWriter.explicit(1, DerWriter.integer(msgType)),
                        DerWriter.explicit(2, encPart)));
    }

    /** A server context after leg 2, with what a client needs for leg 3. */
    private record ThirdLeg(
            KerberosServerContext server,
            byte[] apReq,
            EncryptionKey sessionKey,
            EncApRepPart reply,
            Instant authenticatorTime) {}

    private ThirdLeg thirdLeg() throws Exception {
        ServiceTicket ticket = kdc.issue();
        byte[] apReq = client(ticket).initialToken();
        KerberosServerContext server = server(kdc.keys(), CLOCK);
        byte[] serverApRep = server.accept(apReq).orElseThrow();
        EncApRepPart reply = EncApRepPart.decode(
                ApRep.decode(serverApRep).encPart().decrypt(ticket.sessionKey(), KeyUsage.AP_REP_ENC_PART));
        return new ThirdLeg(server, apReq, ticket.sessionKey(), reply, reply.ctime());
    }

    @Test
    void theClientRefusesAnApRepForAnotherAuthenticatorOrAKrbError() throws Exception {
        ServiceTicket ticket = kdc.issue();
        KerberosClientContext client = client(ticket);
        client.initialToken();
        byte[] stale = ApExchange.apRep(
                ticket.sessionKey(),
                new EncApRepPart(Instant.parse("2025-06-01T11:00:00Z"), 5, null, 77L),
                new Random(9)::nextBytes);
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> client.nextToken(stale));
        assertEquals(
                "AP-REP: AP-REP ctime/cusec (expected: 2025-06-01T12:00:00Z/123456, actual: 2025-06-01T11:00:00Z/5)",
                e.getMessage());
        assertFalse(client.isEstablished());
        assertThrows(RpcSecurityException.class, client::protection);

        KerberosClientContext other = client(ticket);
        other.initialToken();
        byte[] skew = KrbError.encode(37, TestKdc.NOW, TestKdc.REALM, TestKdc.SERVICE);
        e = assertThrows(RpcSecurityException.class, () -> other.nextToken(skew));
        assertEquals("AP-REP: AP-REP (expected: an AP-REP, actual: KRB-ERROR 37)", e.getMessage());
    }

    @Test
    void outOfOrderCallsAreRefused() throws Exception {
        KerberosClientContext client = client(kdc.issue());
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> client.nextToken(new byte[0]));
        assertEquals("Kerberos client context state (expected: SENT_AP_REQ, actual: NEW)", e.getMessage());
        KerberosServerContext server = server(kdc.keys(), CLOCK);
        e = assertThrows(RpcSecurityException.class, server::principal);
        assertEquals("Kerberos server context state (expected: ESTABLISHED, actual: NEW)", e.getMessage());
    }

    private byte[] apReq(ServiceTicket ticket, PrincipalName cname, byte[] gssChecksum) throws Exception {
        Random random = new Random(11);
        Checksum checksum = gssChecksum == null ? null : new Checksum(ChecksumType.GSS_API, gssChecksum);
        Instant ctime = TestKdc.NOW.truncatedTo(ChronoUnit.SECONDS);
        Authenticator authenticator = new Authenticator(TestKdc.REALM, cname, checksum, 1, ctime, null, 42L);
        EncryptedData encrypted = EncryptedData.encrypt(
                ticket.sessionKey(), null, KeyUsage.AP_REQ_AUTHENTICATOR, authenticator.encode(), random::nextBytes);
        return new ApReq(ApReq.MUTUAL_REQUIRED, ticket.ticket(), encrypted).encode();
    }

    private static KerberosClientContext client(ServiceTicket ticket) {
        return new KerberosClientContext(ticket, new Random(2)::nextBytes, CLOCK);
    }

    private static KerberosServerContext server(ServiceKeys keys, Clock clock) {
        return new KerberosServerContext(keys, new Random(3)::nextBytes, clock);
    }
}
