package org.cews.wcce.kerberos;

import static org.cews.wcce.kerberos.KerberosContextTest.CLOCK;
import static org.cews.wcce.kerberos.KerberosContextTest.exchangeCalls;
import static org.cews.wcce.kerberos.KerberosContextTest.firstSequenceNumber;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cews.wcce.kerberos.asn1.Oid;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.gss.NegTokenInit;
import org.cews.wcce.kerberos.gss.NegTokenResp;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.ClientSecurityContext.ThirdLeg;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.kerberos.KerberosServerContext;
import org.cews.wcce.server.kerberos.SpnegoServerContext;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.Test;

/** auth_type 9 as docs/RPC-KERBEROS.md §W2 records it, between our two ends. */
class SpnegoContextTest {

    private static final HexFormat HEX = HexFormat.of();
    private final TestKdc kdc;

    SpnegoContextTest() throws Exception {
        kdc = new TestKdc(EncryptionType.AES256_CTS_HMAC_SHA1_96, 5);
    }

    @Test
    void fourTokensThenSealedCallsWithSequenceNumbersAfterTheMics() throws Exception {
        SpnegoClientContext client = client();
        SpnegoServerContext server = server();
        assertEquals(AuthType.SPNEGO, client.authType());
        assertEquals(AuthType.SPNEGO, server.authType());
        assertEquals(ThirdLeg.ALTER_CONTEXT, client.thirdLeg());

        byte[] bind = client.initialToken();
        assertTrue(
                HEX.formatHex(bind).matches("60(82....|81..|[0-7].)06062b0601050502a0.*"),
                "InitialContextToken with SPNEGO");
        NegTokenInit init = NegTokenInit.decode(bind);
        assertEquals(List.of(Oid.MS_KRB5, Oid.KRB5), init.mechTypes());
        assertEquals("3016" + "06092a864882f712010202" + "06092a864886f712010202", HEX.formatHex(init.mechTypesDer()));
        assertEquals(0x6e, init.mechToken()[0] & 0xFF, "the raw AP-REQ");

        byte[] bindAck = server.accept(bind).orElseThrow();
        assertEquals(0xa1, bindAck[0] & 0xFF);
        NegTokenResp first = NegTokenResp.decode(bindAck);
        assertEquals(NegTokenResp.ACCEPT_INCOMPLETE, first.negState());
        assertEquals(Oid.MS_KRB5, first.supportedMech());
        assertEquals(0x6f, first.responseToken()[0] & 0xFF, "the raw AP-REP");

        byte[] alter = client.nextToken(bindAck).orElseThrow();
        NegTokenResp third = NegTokenResp.decode(alter);
        assertNull(third.negState());
        assertNull(third.supportedMech());
        assertEquals(0x6f, third.responseToken()[0] & 0xFF);
        assertTrue(HEX.formatHex(third.mechListMic()).startsWith("040404ffffffffff"), "flags 0x04");
        long clientSeq = ByteBuffer.wrap(third.mechListMic(), 8, 8).getLong();

        byte[] alterResp = server.accept(alter).orElseThrow();
        NegTokenResp last = NegTokenResp.decode(alterResp);
        assertEquals(NegTokenResp.ACCEPT_COMPLETED, last.negState());
        assertTrue(HEX.formatHex(last.mechListMic()).startsWith("040405ffffffffff"), "flags 0x05");
        long serverSeq = ByteBuffer.wrap(last.mechListMic(), 8, 8).getLong();
        assertTrue(server.isEstablished());
        assertEquals(new RpcPrincipal("alice", "LAB.TEST"), server.principal());

        assertEquals(Optional.empty(), client.nextToken(alterResp));
        assertTrue(client.isEstablished());
        assertEquals(
                clientSeq + 1,
                firstSequenceNumber(client.protection(), server.protection()),
                "the MIC used one number");
        assertEquals(serverSeq + 1, firstSequenceNumber(server.protection(), client.protection()));
        exchangeCalls(client.protection(), server.protection(), 3);
    }

    @Test
    void kerberosFirstInsteadOfMsKrb5IsEchoed() throws Exception {
        byte[] apReq = kerberosClient().initialToken();
        byte[] bind = NegTokenInit.of(List.of(Oid.KRB5, Oid.MS_KRB5), apReq).encode();
        assertEquals(
                Oid.KRB5,
                NegTokenResp.decode(server().accept(bind).orElseThrow()).supportedMech());
    }

    @Test
    void anotherMechanismFirstIsNotAnsweredButKerberosIsAskedFor() throws Exception {
        Oid ntlm = Oid.parse("1.3.6.1.4.1.311.2.2.10");
        byte[] bind =
                NegTokenInit.of(List.of(ntlm, Oid.MS_KRB5), new byte[] {1}).encode();
        NegTokenResp resp = NegTokenResp.decode(server().accept(bind).orElseThrow());
        assertEquals(NegTokenResp.REQUEST_MIC, resp.negState());
        assertEquals(Oid.MS_KRB5, resp.supportedMech());
        assertNull(resp.responseToken());
        // the rest, and the MIC it requires: SpnegoMechListMicTest
    }

    /** RFC 4178 §5: Kerberos was our first choice, so the MIC may be left out; then neither side sends one. */
    @Test
    void anAlterContextWithoutMechListMicIsAcceptedWithoutOneInReturn() throws Exception {
        SpnegoClientContext client = client();
        SpnegoServerContext server = server();
        byte[] alter = client.nextToken(server.accept(client.initialToken()).orElseThrow())
                .orElseThrow();
        byte[] withoutMic =
                new NegTokenResp(null, null, NegTokenResp.decode(alter).responseToken(), null).encode();
        NegTokenResp last = NegTokenResp.decode(server.accept(withoutMic).orElseThrow());
        assertEquals(NegTokenResp.ACCEPT_COMPLETED, last.negState());
        assertNull(last.mechListMic());
        assertTrue(server.isEstablished());
        // our client insists on the server's MIC, as it sent one (theClientInsistsOnTheServersMic)
    }

    @Test
    void aMechListMicWithoutTheAcceptorSubkeyFlagOrTamperedIsRefused() throws Exception {
        for (int[] change : new int[][] {{2, 0x04}, {20, 0x01}}) {
            SpnegoClientContext client = client();
            SpnegoServerContext server = server();
            byte[] alter = client.nextToken(server.accept(client.initialToken()).orElseThrow())
                    .orElseThrow();
            NegTokenResp third = NegTokenResp.decode(alter);
            byte[] mic = third.mechListMic();
            mic[change[0]] ^= (byte) change[1];
            byte[] bad = new NegTokenResp(null, null, third.responseToken(), mic).encode();
            RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> server.accept(bad));
            assertEquals(
                    change[0] == 2
                            ? "client mechListMIC: MIC token flags (expected: 0x04, actual: 0x00)"
                            : "client mechListMIC: MIC token checksum under usage 25 (expected: a match, actual: a"
                                    + " mismatch)",
                    e.getMessage());
        }
    }

    @Test
    void theClientInsistsOnTheServersMic() throws Exception {
        SpnegoClientContext client = client();
        SpnegoServerContext server = server();
        byte[] alter = client.nextToken(server.accept(client.initialToken()).orElseThrow())
                .orElseThrow();
        server.accept(alter);
        byte[] withoutMic = new NegTokenResp(NegTokenResp.ACCEPT_COMPLETED, null, null, null).encode();
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> client.nextToken(withoutMic));
        assertEquals("SPNEGO mechListMIC from the server (expected: present, actual: absent)", e.getMessage());
        assertThrows(RpcSecurityException.class, client::protection);
    }

    @Test
    void aTwoLegCompletionIsRefusedByTheClient() throws Exception {
        SpnegoClientContext client = client();
        byte[] bindAck = server().accept(client.initialToken()).orElseThrow();
        NegTokenResp resp = NegTokenResp.decode(bindAck);
        byte[] completed =
                new NegTokenResp(NegTokenResp.ACCEPT_COMPLETED, Oid.MS_KRB5, resp.responseToken(), null).encode();
        RpcSecurityException e = assertThrows(RpcSecurityException.class, () -> client.nextToken(completed));
        assertEquals("SPNEGO negState (expected: 1, actual: 0)", e.getMessage());
    }

    @Test
    void theMechListMicCoversTheMechTypesAsSent() throws Exception {
        SpnegoClientContext client = client();
        byte[] bind = client.initialToken();
        NegTokenInit init = NegTokenInit.decode(bind);
        // The same list, re-encoded by the server from what it parsed, is byte-identical here.
        assertArrayEquals(
                init.mechTypesDer(), NegTokenInit.of(init.mechTypes(), null).mechTypesDer());
        assertTrue(Arrays.equals(
                init.mechTypesDer(),
                NegTokenInit.of(SpnegoClientContext.MECH_TYPES, null).mechTypesDer()));
    }

    private KerberosClientContext kerberosClient() throws Exception {
        return new KerberosClientContext(kdc.issue(), new Random(2)::nextBytes, CLOCK);
    }

    private SpnegoClientContext client() throws Exception {
        return new SpnegoClientContext(kerberosClient());
    }

    private SpnegoServerContext server() {
        return new SpnegoServerContext(new KerberosServerContext(kdc.keys(), new Random(3)::nextBytes, CLOCK));
    }
}
