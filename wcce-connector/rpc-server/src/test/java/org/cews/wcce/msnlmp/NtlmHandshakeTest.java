package org.cews.wcce.msnlmp;

import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.ClientSecurityContext;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.server.msnlmp.NtlmServerContext;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.Test;

/** Client and server in memory: the three legs, then sealed PDUs both ways. */
class NtlmHandshakeTest {

    @Test
    void threeLegsEstablishBothSides() throws Exception {
        NtlmClientContext client = Lab.client(Lab.ADMINISTRATOR);
        NtlmServerContext server = LabServer.server();
        assertEquals(AuthType.NTLM, client.authType());
        assertEquals(AuthType.NTLM, server.authType());
        assertEquals(ClientSecurityContext.ThirdLeg.AUTH3, client.thirdLeg());

        byte[] negotiate = client.initialToken();
        assertEquals(hex(Golden.load("negotiate-samba-accepted.hex")), hex(negotiate));
        byte[] challenge = server.accept(negotiate).orElseThrow();
        byte[] authenticate = client.nextToken(challenge).orElseThrow();
        assertTrue(client.isEstablished());
        assertFalse(server.isEstablished());
        assertTrue(server.accept(authenticate).isEmpty(), "auth3 has no reply");
        assertTrue(server.isEstablished());
        assertEquals(new RpcPrincipal("Administrator", "DCE"), server.principal());
    }

    @Test
    void theServerChallengesAsSambaDoes() throws Exception {
        ChallengeMessage challenge = ChallengeMessage.decode(LabServer.server()
                .accept(Lab.client(Lab.ADMINISTRATOR).initialToken())
                .orElseThrow());
        assertEquals(new NegotiateFlags(0xE2898235), challenge.flags()); // docs/RPC-NTLM.md §1.2
        assertEquals("DCE", challenge.targetName());
        assertEquals(
                List.of(
                        AvId.NB_DOMAIN_NAME,
                        AvId.NB_COMPUTER_NAME,
                        AvId.DNS_DOMAIN_NAME,
                        AvId.DNS_COMPUTER_NAME,
                        AvId.TIMESTAMP),
                challenge.targetInfo().pairs().stream().map(AvPair::id).toList());
        assertEquals(
                FileTime.of(Lab.NOW),
                challenge.targetInfo().find(AvId.TIMESTAMP).orElseThrow().u64Value());
    }

    @Test
    void theAuthenticateHasTheLayoutSambaAccepted() throws Exception {
        NtlmClientContext client = Lab.client(Lab.ADMINISTRATOR);
        byte[] challengeBytes = LabServer.server().accept(client.initialToken()).orElseThrow();
        byte[] bytes = client.nextToken(challengeBytes).orElseThrow();
        AuthenticateMessage m = AuthenticateMessage.decode(bytes);
        // docs/RPC-NTLM.md §1.3: the CHALLENGE's flags echoed; payload from 88 (MIC at 72);
        // Z(24) as LM response because the server sent a timestamp; a 16-byte EncryptedRandomSessionKey.
        assertEquals(new NegotiateFlags(0xE2898235), m.flags());
        assertEquals(88, LittleEndian.u32(bytes, 32), "DomainNameBufferOffset");
        assertEquals("DCE", m.domain());
        assertEquals("Administrator", m.user());
        assertEquals("JAVACLIENT", m.workstation());
        assertEquals(hex(new byte[24]), hex(m.lmChallengeResponse()));
        assertEquals(16, m.encryptedRandomSessionKey().length);
        assertNotEquals(hex(new byte[16]), hex(m.mic()));
        NtlmV2Response response = NtlmV2Response.decode(m.ntChallengeResponse());
        ChallengeMessage challenge = ChallengeMessage.decode(challengeBytes);
        assertEquals(challenge.targetInfo().find(AvId.TIMESTAMP).orElseThrow().u64Value(), response.timestamp());
        List<AvPair> pairs = response.avPairs().pairs();
        assertEquals(challenge.targetInfo().pairs(), pairs.subList(0, 5), "the server's pairs, in its order");
        assertEquals(
                List.of(
                        AvPair.ofU32(AvId.FLAGS, 2),
                        new AvPair(AvId.CHANNEL_BINDINGS, new byte[16]),
                        AvPair.ofString(AvId.TARGET_NAME, "host/dc1.dce.test")),
                pairs.subList(5, 8));
    }

    @Test
    void manyPdusOfManySizesBothWaysOnContinuingStreams() throws Exception {
        PduProtection[] sides = establish(Lab.client(Lab.ADMINISTRATOR), LabServer.server());
        PduProtection client = sides[0];
        PduProtection server = sides[1];
        assertEquals(16, client.verifierLength());
        int[] sizes = {0, 1, 15, 16, 17, 100, 1000, 5792, 3, 4096};
        for (int i = 0; i < sizes.length; i++) {
            FakePdu request = FakePdu.request(i, sizes[i], i);
            roundTrip(client, server, request, i);
            FakePdu response = FakePdu.request(i, sizes[sizes.length - 1 - i], 100 + i);
            roundTrip(server, client, response, i);
        }
        // More requests than responses: the counters are per direction.
        FakePdu extra = FakePdu.request(99, 64, 99);
        roundTrip(client, server, extra, sizes.length);
    }

    @Test
    void withoutKeyExchangeTheChecksumIsThePlainHmacOverTheWholePdu() throws Exception {
        NegotiateFlags offer = new NegotiateFlags(0xA2088235); // 0xE2088235 without KEY_EXCH
        NtlmClientContext client = new NtlmClientContext(
                Lab.ADMINISTRATOR, "JAVACLIENT", Lab.SPN, new Random(3)::nextBytes, Lab.CLOCK, offer);
        NtlmServerContext server = LabServer.server();
        byte[] challenge = server.accept(client.initialToken()).orElseThrow();
        assertEquals(
                new NegotiateFlags(0xA2898235),
                ChallengeMessage.decode(challenge).flags());
        byte[] authenticate = client.nextToken(challenge).orElseThrow();
        AuthenticateMessage m = AuthenticateMessage.decode(authenticate);
        assertEquals(0, m.encryptedRandomSessionKey().length);
        server.accept(authenticate);

        // Without KEY_EXCH the ExportedSessionKey is the SessionBaseKey, which the test can compute.
        byte[] ntowf = NtlmV2.ntowfV2(Lab.ADMINISTRATOR.ntHash(), "Administrator", "DCE");
        byte[] proof = Arrays.copyOf(m.ntChallengeResponse(), 16);
        SessionKeys keys = SessionKeys.derive(NtlmV2.sessionBaseKey(ntowf, proof), m.flags());
        FakePdu pdu = FakePdu.request(1, 40, 1);
        byte[] plain = pdu.bytes().clone();
        client.protection().seal(pdu.bytes(), pdu.stubOffset(), pdu.length());
        // docs/RPC-NTLM.md §1.4: HMAC_MD5(ClientSigningKey, seq ‖ PDU[0 .. frag_len - 16)) over
        // the plaintext, header and sec_trailer included; not RC4-encrypted without KEY_EXCH.
        byte[] expected =
                NtlmCrypto.hmacMd5(keys.clientSigningKey(), new byte[4], Arrays.copyOf(plain, pdu.verifierOffset()));
        assertEquals(
                "01000000" + hex(Arrays.copyOf(expected, 8)) + "00000000",
                hex(Arrays.copyOfRange(pdu.bytes(), pdu.verifierOffset(), pdu.bytes().length)));
        server.protection().unseal(pdu.bytes(), pdu.stubOffset(), pdu.length());
        assertArrayEquals(pdu.plainStub(), pdu.stubNow());
    }

    static PduProtection[] establish(NtlmClientContext client, NtlmServerContext server) throws Exception {
        server.accept(client.nextToken(server.accept(client.initialToken()).orElseThrow())
                .orElseThrow());
        return new PduProtection[] {client.protection(), server.protection()};
    }

    private static void roundTrip(PduProtection from, PduProtection to, FakePdu pdu, int expectedSeq) throws Exception {
        byte[] before = pdu.bytes().clone();
        from.seal(pdu.bytes(), pdu.stubOffset(), pdu.length());
        if (pdu.length() >= 8) {
            assertNotEquals(hex(pdu.plainStub()), hex(pdu.stubNow()), "sealed");
        }
        assertArrayEquals(
                Arrays.copyOf(before, pdu.stubOffset()),
                Arrays.copyOf(pdu.bytes(), pdu.stubOffset()),
                "the header is not encrypted");
        assertEquals(1, LittleEndian.u32(pdu.bytes(), pdu.verifierOffset()), "signature version");
        assertEquals(expectedSeq, LittleEndian.u32(pdu.bytes(), pdu.verifierOffset() + 12), "SeqNum");
        to.unseal(pdu.bytes(), pdu.stubOffset(), pdu.length());
        assertArrayEquals(pdu.plainStub(), pdu.stubNow());
    }
}
