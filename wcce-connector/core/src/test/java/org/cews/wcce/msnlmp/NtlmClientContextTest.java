package org.cews.wcce.msnlmp;

import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NtlmClientContextTest {

    private static final String REQUIRED = "UNICODE|SIGN|SEAL|EXTENDED_SESSIONSECURITY|NEGOTIATE_128";

    private static NtlmClientContext started() throws RpcSecurityException {
        NtlmClientContext client = Lab.client(Lab.ADMINISTRATOR);
        client.initialToken();
        return client;
    }

    private static byte[] challenge(NegotiateFlags flags, List<AvPair> pairs) {
        return new ChallengeMessage(flags, "DCE", new byte[8], new TargetInfo(pairs), NtlmVersion.SERVER).encode();
    }

    private static final List<AvPair> NAMES =
            List.of(AvPair.ofString(AvId.NB_DOMAIN_NAME, "DCE"), AvPair.ofString(AvId.NB_COMPUTER_NAME, "DC1"));

    @ParameterizedTest
    @CsvSource({
        "0xE2898215, SEAL, 0xe2898215 UNICODE|REQUEST_TARGET|SIGN|NTLM|ALWAYS_SIGN|TARGET_TYPE_DOMAIN"
                + "|EXTENDED_SESSIONSECURITY|TARGET_INFO|VERSION|NEGOTIATE_128|KEY_EXCH|NEGOTIATE_56",
        "0xE2898225, SIGN, 0xe2898225 UNICODE|REQUEST_TARGET|SEAL|NTLM|ALWAYS_SIGN|TARGET_TYPE_DOMAIN"
                + "|EXTENDED_SESSIONSECURITY|TARGET_INFO|VERSION|NEGOTIATE_128|KEY_EXCH|NEGOTIATE_56",
        "0xE2818235, EXTENDED_SESSIONSECURITY, 0xe2818235 UNICODE|REQUEST_TARGET|SIGN|SEAL|NTLM|ALWAYS_SIGN"
                + "|TARGET_TYPE_DOMAIN|TARGET_INFO|VERSION|NEGOTIATE_128|KEY_EXCH|NEGOTIATE_56",
        "0x42898235, NEGOTIATE_128, 0x42898235 UNICODE|REQUEST_TARGET|SIGN|SEAL|NTLM|ALWAYS_SIGN"
                + "|TARGET_TYPE_DOMAIN|EXTENDED_SESSIONSECURITY|TARGET_INFO|VERSION|KEY_EXCH",
        "0xE2898224, UNICODE|SIGN, 0xe2898224 REQUEST_TARGET|SEAL|NTLM|ALWAYS_SIGN|TARGET_TYPE_DOMAIN"
                + "|EXTENDED_SESSIONSECURITY|TARGET_INFO|VERSION|NEGOTIATE_128|KEY_EXCH|NEGOTIATE_56"
    })
    void challengeWithoutARequiredFlag(String flags, String missing, String actual) throws Exception {
        NtlmClientContext client = started();
        byte[] token = challenge(new NegotiateFlags(Integer.parseUnsignedInt(flags.substring(2), 16)), NAMES);
        assertEquals(
                "CHALLENGE_MESSAGE lacks " + missing + " (expected: " + REQUIRED + ", actual: " + actual + ")",
                assertThrows(RpcSecurityException.class, () -> client.nextToken(token))
                        .getMessage());
        assertFalse(client.isEstablished());
    }

    @Test
    void challengeWithoutTheNetbiosNames() throws Exception {
        NtlmClientContext client = started();
        byte[] token = challenge(
                new NegotiateFlags(0xE2898235),
                List.of(AvPair.ofString(AvId.NB_DOMAIN_NAME, "DCE"), AvPair.ofU64(AvId.TIMESTAMP, 1)));
        assertEquals(
                "CHALLENGE_MESSAGE TargetInfo (expected: MsvAvNbComputerName and MsvAvNbDomainName, actual: AvIds [2, 7])",
                assertThrows(RpcSecurityException.class, () -> client.nextToken(token))
                        .getMessage());
    }

    @Test
    void malformedChallenge() throws Exception {
        NtlmClientContext client = started();
        assertEquals(
                "malformed CHALLENGE_MESSAGE: CHALLENGE_MESSAGE MessageType (expected: 2, actual: 1)",
                assertThrows(
                                RpcSecurityException.class,
                                () -> client.nextToken(Golden.load("negotiate-samba-accepted.hex")))
                        .getMessage());
    }

    @Test
    void malformedTimestamp() throws Exception {
        NtlmClientContext client = started();
        byte[] token = challenge(
                new NegotiateFlags(0xE2898235), List.of(NAMES.get(0), NAMES.get(1), AvPair.ofU32(AvId.TIMESTAMP, 1)));
        assertEquals(
                "malformed CHALLENGE_MESSAGE: AV_PAIR 7 AvLen (expected: 8, actual: 4)",
                assertThrows(RpcSecurityException.class, () -> client.nextToken(token))
                        .getMessage());
    }

    @Test
    void theServersMsvAvFlagsKeepTheirBitsAndGainTheMicBit() throws Exception {
        NtlmClientContext client = started();
        byte[] token = challenge(
                new NegotiateFlags(0xE2898235),
                List.of(NAMES.get(0), NAMES.get(1), AvPair.ofU32(AvId.FLAGS, 1), AvPair.ofU64(AvId.TIMESTAMP, 5)));
        AuthenticateMessage m =
                AuthenticateMessage.decode(client.nextToken(token).orElseThrow());
        TargetInfo sent = NtlmV2Response.decode(m.ntChallengeResponse()).avPairs();
        assertEquals(
                List.of(AvPair.ofU32(AvId.FLAGS, 3)),
                sent.pairs().stream().filter(p -> p.id().equals(AvId.FLAGS)).toList());
    }

    @Test
    void specChallengeWithoutTimestamp() throws Exception {
        // [MS-NLMP] 4.2.4: no MsvAvTimestamp, so Time comes from the clock (0 here), the LMv2 response
        // is sent, and there is neither MsvAvFlags nor a MIC. The client adds its channel bindings and
        // SPN pairs, so the NTProofStr differs from the spec's; the LMv2 response and the session key do not.
        FixedNonces nonces = new FixedNonces(SpecValues.CLIENT_CHALLENGE, SpecValues.RANDOM_SESSION_KEY);
        NtlmClientContext client = new NtlmClientContext(
                NtlmCredential.ofPassword(SpecValues.USER, SpecValues.DOMAIN, SpecValues.PASSWORD),
                "COMPUTER",
                "host/server",
                nonces,
                Clock.fixed(SpecValues.TIME_ZERO, ZoneOffset.UTC));
        client.initialToken();
        AuthenticateMessage m = AuthenticateMessage.decode(
                client.nextToken(Golden.load("challenge-spec-4.2.4.3.hex")).orElseThrow());
        assertTrue(nonces.usedUp());
        assertEquals("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa", hex(m.lmChallengeResponse()));
        assertEquals(hex(new byte[16]), hex(m.mic()));
        NtlmV2Response response = NtlmV2Response.decode(m.ntChallengeResponse());
        assertEquals(0, response.timestamp());
        assertEquals(
                List.of(AvId.NB_DOMAIN_NAME, AvId.NB_COMPUTER_NAME, AvId.CHANNEL_BINDINGS, AvId.TARGET_NAME),
                response.avPairs().pairs().stream().map(AvPair::id).toList());

        // The client's keys are those of the spec's RandomSessionKey: its peer with those keys reads it.
        NtlmPduProtection server = NtlmPduProtection.acceptor(
                SessionKeys.derive(SpecValues.RANDOM_SESSION_KEY, SpecValues.CHALLENGE_FLAGS));
        FakePdu pdu = FakePdu.request(1, 50, 5);
        client.protection().seal(pdu.bytes(), pdu.stubOffset(), pdu.length());
        server.unseal(pdu.bytes(), pdu.stubOffset(), pdu.length());
        assertArrayEquals(pdu.plainStub(), pdu.stubNow());
    }

    @Test
    void outOfOrder() throws Exception {
        NtlmClientContext client = Lab.client(Lab.ADMINISTRATOR);
        assertEquals(
                "NTLM client nextToken() out of order (expected state: NEGOTIATE_SENT, actual: NEW)",
                assertThrows(RpcSecurityException.class, () -> client.nextToken(new byte[0]))
                        .getMessage());
        assertEquals(
                "NTLM client protection() out of order (expected state: ESTABLISHED, actual: NEW)",
                assertThrows(RpcSecurityException.class, client::protection).getMessage());
        client.initialToken();
        assertEquals(
                "NTLM client initialToken() out of order (expected state: NEW, actual: NEGOTIATE_SENT)",
                assertThrows(RpcSecurityException.class, client::initialToken).getMessage());
        assertThrows(RpcSecurityException.class, () -> client.nextToken(new byte[0]));
        assertEquals(
                "NTLM client nextToken() out of order (expected state: NEGOTIATE_SENT, actual: FAILED)",
                assertThrows(RpcSecurityException.class, () -> client.nextToken(new byte[0]))
                        .getMessage());
    }
}
