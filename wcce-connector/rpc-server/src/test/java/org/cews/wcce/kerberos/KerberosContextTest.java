package org.cews.wcce.kerberos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.cews.wcce.kerberos.crypto.ChecksumType;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.gss.GssChecksum;
import org.cews.wcce.kerberos.messages.ApRep;
import org.cews.wcce.kerberos.messages.ApReq;
import org.cews.wcce.kerberos.messages.Authenticator;
import org.cews.wcce.kerberos.messages.EncApRepPart;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.ClientSecurityContext.ThirdLeg;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.server.kerberos.KerberosServerContext;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three legs of [MS-KILE] 3.4.5.1 between our client and our server, in memory. */
class KerberosContextTest {

    static final Clock CLOCK = Clock.fixed(TestKdc.NOW, ZoneOffset.UTC);

    @Test
    void threeLegsThenSealedCallsBothWays() throws Exception {
        TestKdc kdc = new TestKdc(EncryptionType.AES256_CTS_HMAC_SHA1_96, 1);
        KerberosClientContext client = new KerberosClientContext(kdc.issue(), new Random(2)::nextBytes, CLOCK);
        KerberosServerContext server = new KerberosServerContext(kdc.keys(), new Random(3)::nextBytes, CLOCK);
        assertEquals(AuthType.KERBEROS, client.authType());
        assertEquals(AuthType.KERBEROS, server.authType());
        assertEquals(ThirdLeg.AUTH3, client.thirdLeg());

        byte[] bind = client.initialToken();
        byte[] bindAck = server.accept(bind).orElseThrow();
        assertFalse(server.isEstablished());
        byte[] auth3 = client.nextToken(bindAck).orElseThrow();
        assertTrue(client.isEstablished());
        assertEquals(Optional.empty(), server.accept(auth3));
        assertTrue(server.isEstablished());
        assertEquals(new RpcPrincipal("alice", "LAB.TEST"), server.principal());

        exchangeCalls(client.protection(), server.protection(), 5);
    }

    /** docs/RPC-KERBEROS.md §W1.1-W1.3, field by field. */
    @Test
    void theTokensHaveTheShapeSambaAccepted() throws Exception {
        TestKdc kdc = new TestKdc(EncryptionType.AES256_CTS_HMAC_SHA1_96, 1);
        ServiceTicket ticket = kdc.issue();
        KerberosClientContext client = new KerberosClientContext(ticket, new Random(2)::nextBytes, CLOCK);
        KerberosServerContext server = new KerberosServerContext(kdc.keys(), new Random(3)::nextBytes, CLOCK);

        byte[] bind = client.initialToken();
        assertEquals(0x6e, bind[0] & 0xFF, "raw AP-REQ, no GSS framing");
        assertTrue(HexFormat.of().formatHex(bind).contains("a20703050020000000"), "ap-options mutual-required");
        ApReq apReq = ApReq.decode(bind);
        assertArrayEquals(ticket.ticket().encoded(), apReq.ticket().encoded(), "the ticket travels unchanged");
        assertEquals(
                EncryptionType.AES256_CTS_HMAC_SHA1_96, apReq.authenticator().etype());
        Authenticator authenticator =
                Authenticator.decode(apReq.authenticator().decrypt(ticket.sessionKey(), KeyUsage.AP_REQ_AUTHENTICATOR));
        assertEquals(ChecksumType.GSS_API, authenticator.cksum().type());
        assertEquals(
                "10000000" + "00".repeat(16) + "3e100000",
                HexFormat.of().formatHex(authenticator.cksum().value()));
        assertEquals(0x103E, GssChecksum.decode(authenticator.cksum().value()).flags());
        assertEquals(TestKdc.NOW.getEpochSecond(), authenticator.ctime().getEpochSecond());
        assertEquals(123456, authenticator.cusec());
        assertEquals(
                EncryptionType.AES256_CTS_HMAC_SHA1_96, authenticator.subkey().type());
        assertTrue(authenticator.seqNumber() >= 0 && authenticator.seqNumber() < (1L << 31), "31-bit seq-number");

        byte[] bindAck = server.accept(bind).orElseThrow();
        assertEquals(0x6f, bindAck[0] & 0xFF, "raw AP-REP");
        EncApRepPart reply = EncApRepPart.decode(
                ApRep.decode(bindAck).encPart().decrypt(ticket.sessionKey(), KeyUsage.AP_REP_ENC_PART));
        assertEquals(authenticator.ctime(), reply.ctime());
        assertEquals(authenticator.cusec(), reply.cusec());
        assertEquals(EncryptionType.AES256_CTS_HMAC_SHA1_96, reply.subkey().type());

        byte[] auth3 = client.nextToken(bindAck).orElseThrow();
        assertEquals(0x6f, auth3[0] & 0xFF);
        EncApRepPart third = EncApRepPart.decode(
                ApRep.decode(auth3).encPart().decrypt(ticket.sessionKey(), KeyUsage.AP_REP_ENC_PART));
        assertEquals(authenticator.ctime(), third.ctime(), "our own ctime");
        assertEquals(authenticator.cusec(), third.cusec(), "our own cusec");
        assertEquals(reply.seqNumber(), third.seqNumber(), "the server's seq-number");
        assertNull(third.subkey());
        server.accept(auth3);

        // The first wrap tokens carry the AP exchange's sequence numbers (§1.4, §3.3).
        assertEquals(authenticator.seqNumber(), firstSequenceNumber(client.protection(), server.protection()));
        assertEquals(reply.seqNumber(), firstSequenceNumber(server.protection(), client.protection()));
    }

    @ParameterizedTest(name = "session key etype {0}")
    @ValueSource(ints = {17, 18, 19, 20})
    void everyAesSessionKeyTypeWorks(int etype) throws Exception {
        TestKdc kdc = new TestKdc(new EncryptionType(etype), etype);
        ServiceTicket ticket =
                kdc.issue(new EncryptionType(etype), TestKdc.NOW.minusSeconds(60), TestKdc.NOW.plusSeconds(600), 0);
        KerberosClientContext client = new KerberosClientContext(ticket, new Random(2)::nextBytes, CLOCK);
        KerberosServerContext server = new KerberosServerContext(kdc.keys(), new Random(3)::nextBytes, CLOCK);
        server.accept(client.nextToken(server.accept(client.initialToken()).orElseThrow())
                .orElseThrow());
        exchangeCalls(client.protection(), server.protection(), 2);
    }

    /** Seals {@code count} requests and responses of growing size and checks each arrives intact. */
    static void exchangeCalls(PduProtection client, PduProtection server, int count) throws Exception {
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            for (PduProtection[] pair : new PduProtection[][] {{client, server}, {server, client}}) {
                byte[] stub = new byte[16 * (i + 1)];
                random.nextBytes(stub);
                byte[] pdu = KerberosWrapProtectionTest.pdu(stub, pair[0].verifierLength());
                pair[0].seal(pdu, 24, stub.length);
                assertFalse(Arrays.equals(stub, Arrays.copyOfRange(pdu, 24, 24 + stub.length)));
                pair[1].unseal(pdu, 24, stub.length);
                assertArrayEquals(stub, Arrays.copyOfRange(pdu, 24, 24 + stub.length));
            }
        }
    }

    /** Seals one PDU, reads SND_SEQ from its token header, and lets the receiver take it. */
    static long firstSequenceNumber(PduProtection sender, PduProtection receiver) throws Exception {
        byte[] pdu = KerberosWrapProtectionTest.pdu(new byte[16], sender.verifierLength());
        sender.seal(pdu, 24, 16);
        long sequence = ByteBuffer.wrap(pdu, pdu.length - sender.verifierLength() + 8, 8)
                .getLong();
        receiver.unseal(pdu, 24, 16);
        return sequence;
    }
}
