package org.cews.wcce.msnlmp;

import static org.cews.wcce.msnlmp.SpecValues.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.msnlmp.NtlmCredentialLookup;
import org.cews.wcce.server.msnlmp.NtlmServerContext;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NtlmServerContextTest {

    private static final byte[] NEGOTIATE = Golden.load("negotiate-samba-accepted.hex");
    private static final String REQUIRED = "UNICODE|SIGN|SEAL|EXTENDED_SESSIONSECURITY|NEGOTIATE_128";

    /** The server of [MS-NLMP] 4.2.4: its ServerChallenge, Time 0, and the account User/Domain/Password. */
    private static NtlmServerContext specServer(char[] password) {
        NtlmCredentialLookup accounts = NtlmCredentialLookup.of(
                List.of(NtlmCredential.ofPassword(SpecValues.USER, SpecValues.DOMAIN, password)));
        return new NtlmServerContext(
                accounts,
                LabServer.NAMES,
                new FixedNonces(SpecValues.SERVER_CHALLENGE),
                Clock.fixed(SpecValues.TIME_ZERO, ZoneOffset.UTC));
    }

    @Test
    void acceptsTheAuthenticateOfTheSpecAndRecoversItsSessionKey() throws Exception {
        NtlmServerContext server = specServer(SpecValues.PASSWORD);
        ChallengeMessage challenge =
                ChallengeMessage.decode(server.accept(NEGOTIATE).orElseThrow());
        assertEquals(hex(SpecValues.SERVER_CHALLENGE), hex(challenge.serverChallenge()));
        // 4.2.4.3 has no MsvAvFlags, hence no MIC: the rest of this CHALLENGE does not matter to it.
        assertEquals(Optional.empty(), server.accept(Golden.load("authenticate-spec-4.2.4.3.hex")));
        assertEquals(new RpcPrincipal("User", "Domain"), server.principal());

        // The ExportedSessionKey must be the spec's RandomSessionKey: a peer holding it talks to the server.
        NtlmPduProtection client =
                NtlmPduProtection.initiator(SessionKeys.derive(SpecValues.RANDOM_SESSION_KEY, challenge.flags()));
        FakePdu request = FakePdu.request(2, 33, 7);
        client.seal(request.bytes(), request.stubOffset(), request.length());
        server.protection().unseal(request.bytes(), request.stubOffset(), request.length());
        assertArrayEquals(request.plainStub(), request.stubNow());
        FakePdu response = FakePdu.request(2, 70, 8);
        server.protection().seal(response.bytes(), response.stubOffset(), response.length());
        client.unseal(response.bytes(), response.stubOffset(), response.length());
        assertArrayEquals(response.plainStub(), response.stubNow());
    }

    @Test
    void specAuthenticateWithAnotherPassword() throws Exception {
        NtlmServerContext server = specServer("password".toCharArray());
        server.accept(NEGOTIATE);
        assertEquals(
                "logon failed for Domain\\User: wrong password (NTProofStr mismatch)",
                refused(server, Golden.load("authenticate-spec-4.2.4.3.hex")));
        assertFalse(server.isEstablished());
    }

    @Test
    void wrongPassword() throws Exception {
        NtlmCredential wrong = NtlmCredential.ofPassword("Administrator", "DCE", "passw0rd!".toCharArray());
        assertEquals(
                "logon failed for DCE\\Administrator: wrong password (NTProofStr mismatch)", handshakeRefused(wrong));
    }

    @Test
    void unknownUser() throws Exception {
        NtlmCredential nobody = NtlmCredential.ofPassword("nobody", "DCE", "Passw0rd!".toCharArray());
        assertEquals("logon failed for DCE\\nobody: no such account", handshakeRefused(nobody));
    }

    @Test
    void userNamesAreCaseInsensitive() throws Exception {
        NtlmCredential shouting = new NtlmCredential("ADMINISTRATOR", "dce", Lab.ADMINISTRATOR.ntHash());
        NtlmServerContext server = LabServer.server();
        NtlmHandshakeTest.establish(Lab.client(shouting), server);
        assertEquals(new RpcPrincipal("ADMINISTRATOR", "dce"), server.principal());
    }

    @Test
    void tamperedMic() throws Exception {
        NtlmServerContext server = LabServer.server();
        byte[] authenticate = clientAuthenticate(server, Lab.ADMINISTRATOR);
        authenticate[AuthenticateMessage.MIC_OFFSET + 3] ^= 1;
        assertEquals("logon failed for DCE\\Administrator: MIC mismatch", refused(server, authenticate));
    }

    @Test
    void challengeAlteredOnTheWayFailsTheMic() throws Exception {
        NtlmServerContext server = LabServer.server();
        NtlmClientContext client = Lab.client(Lab.ADMINISTRATOR);
        byte[] challenge = server.accept(client.initialToken()).orElseThrow();
        challenge[48] = 5; // the Version's major number: harmless to the client, but covered by the MIC
        byte[] authenticate = client.nextToken(challenge).orElseThrow();
        assertEquals("logon failed for DCE\\Administrator: MIC mismatch", refused(server, authenticate));
    }

    @Test
    void micClaimedButAbsent() throws Exception {
        NtlmServerContext server = LabServer.server();
        AuthenticateMessage m = AuthenticateMessage.decode(clientAuthenticate(server, Lab.ADMINISTRATOR));
        byte[] withoutMicField = new AuthenticateMessage(
                        m.flags(),
                        m.lmChallengeResponse(),
                        m.ntChallengeResponse(),
                        m.domain(),
                        m.user(),
                        m.workstation(),
                        m.encryptedRandomSessionKey(),
                        m.version(),
                        null)
                .encode();
        assertEquals(
                "logon failed for DCE\\Administrator: MsvAvFlags claims a MIC but the message has no MIC field",
                refused(server, withoutMicField));
    }

    @ParameterizedTest
    @CsvSource({
        "0xE2088215, SEAL, 0xe2088215 UNICODE|REQUEST_TARGET|SIGN|NTLM|ALWAYS_SIGN|EXTENDED_SESSIONSECURITY|VERSION"
                + "|NEGOTIATE_128|KEY_EXCH|NEGOTIATE_56",
        "0xE2088225, SIGN, 0xe2088225 UNICODE|REQUEST_TARGET|SEAL|NTLM|ALWAYS_SIGN|EXTENDED_SESSIONSECURITY|VERSION"
                + "|NEGOTIATE_128|KEY_EXCH|NEGOTIATE_56",
        "0xE2008235, EXTENDED_SESSIONSECURITY, 0xe2008235 UNICODE|REQUEST_TARGET|SIGN|SEAL|NTLM|ALWAYS_SIGN|VERSION"
                + "|NEGOTIATE_128|KEY_EXCH|NEGOTIATE_56",
        "0xC2088235, NEGOTIATE_128, 0xc2088235 UNICODE|REQUEST_TARGET|SIGN|SEAL|NTLM|ALWAYS_SIGN"
                + "|EXTENDED_SESSIONSECURITY|VERSION|KEY_EXCH|NEGOTIATE_56"
    })
    void negotiateWithoutARequiredFlag(String flags, String missing, String actual) {
        byte[] negotiate = NegotiateMessage.of(
                        new NegotiateFlags(Integer.parseUnsignedInt(flags.substring(2), 16)), NtlmVersion.CLIENT)
                .encode();
        assertEquals(
                "NEGOTIATE_MESSAGE lacks " + missing + " (expected: " + REQUIRED + ", actual: " + actual + ")",
                refused(LabServer.server(), negotiate));
    }

    @Test
    void authenticateFlagsWithoutSeal() throws Exception {
        NtlmServerContext server = LabServer.server();
        byte[] authenticate = clientAuthenticate(server, Lab.ADMINISTRATOR);
        authenticate[60] &= ~0x20;
        assertEquals(
                "logon failed for DCE\\Administrator: AUTHENTICATE_MESSAGE lacks SEAL (expected: " + REQUIRED
                        + ", actual: 0xe2898215 UNICODE|REQUEST_TARGET|SIGN|NTLM|ALWAYS_SIGN|TARGET_TYPE_DOMAIN"
                        + "|EXTENDED_SESSIONSECURITY|TARGET_INFO|VERSION|NEGOTIATE_128|KEY_EXCH|NEGOTIATE_56)",
                refused(server, authenticate));
    }

    @Test
    void ntlmV1IsRefused() throws Exception {
        NtlmServerContext server = LabServer.server();
        server.accept(NEGOTIATE);
        byte[] v1 = authenticate(
                new NegotiateFlags(0xE2898235), new byte[24], new byte[24], "Administrator", "DCE", new byte[16]);
        assertEquals(
                "logon failed for DCE\\Administrator: NTLMv1 is not accepted "
                        + "(expected: NtChallengeResponse longer than 24 bytes, actual: 24)",
                refused(server, v1));
    }

    @Test
    void anonymousIsRefused() throws Exception {
        NtlmServerContext server = LabServer.server();
        server.accept(NEGOTIATE);
        byte[] anonymous = authenticate(new NegotiateFlags(0xE2898235), new byte[1], new byte[0], "", "", new byte[0]);
        assertEquals("logon failed for anonymous: anonymous logon is not accepted", refused(server, anonymous));
    }

    @Test
    void emptyDomainIsTriedWhenTheClientsDomainDoesNotMatch() throws Exception {
        // [MS-NLMP] 3.2.5.1.2: servers SHOULD accept clients that hash with a NIL UserDom.
        NtlmServerContext server = LabServer.server();
        ChallengeMessage challenge =
                ChallengeMessage.decode(server.accept(NEGOTIATE).orElseThrow());
        byte[] authenticate = handMade(challenge, "DCE", "", Lab.ADMINISTRATOR.ntHash(), true);
        assertEquals(Optional.empty(), server.accept(authenticate));
        assertEquals(new RpcPrincipal("Administrator", "DCE"), server.principal());
    }

    @Test
    void keyExchangeWithoutAKey() throws Exception {
        NtlmServerContext server = LabServer.server();
        ChallengeMessage challenge =
                ChallengeMessage.decode(server.accept(NEGOTIATE).orElseThrow());
        byte[] authenticate = handMade(challenge, "DCE", "DCE", Lab.ADMINISTRATOR.ntHash(), false);
        assertEquals(
                "logon failed for DCE\\Administrator: EncryptedRandomSessionKey length (expected: 16, actual: 0)",
                refused(server, authenticate));
    }

    @Test
    void staleResponse() throws Exception {
        SteppingClock clock = new SteppingClock(Lab.NOW);
        NtlmServerContext server =
                new NtlmServerContext(LabServer.ACCOUNTS, LabServer.NAMES, new FixedNonces(new byte[8]), clock);
        NtlmClientContext client = Lab.client(Lab.ADMINISTRATOR);
        byte[] authenticate = client.nextToken(
                        server.accept(client.initialToken()).orElseThrow())
                .orElseThrow();
        clock.now = Lab.NOW.plus(Duration.ofHours(36).plusSeconds(1));
        assertEquals(
                "logon failed for DCE\\Administrator: response time (expected: within 36 hours of "
                        + "2026-11-26T12:00:01Z, actual: 2026-11-25T00:00:00Z)",
                refused(server, authenticate));
    }

    @Test
    void malformedTokens() throws Exception {
        assertEquals(
                "malformed NEGOTIATE_MESSAGE: NEGOTIATE_MESSAGE length (expected: at least 12, actual: 3)",
                refused(LabServer.server(), new byte[3]));
        NtlmServerContext server = LabServer.server();
        server.accept(NEGOTIATE);
        assertEquals(
                "malformed AUTHENTICATE_MESSAGE: AUTHENTICATE_MESSAGE MessageType (expected: 3, actual: 1)",
                refused(server, NEGOTIATE));
    }

    @Test
    void outOfOrder() throws Exception {
        NtlmServerContext server = LabServer.server();
        assertEquals(
                "NTLM server principal() before the context is established (state: NEW)",
                assertThrows(RpcSecurityException.class, server::principal).getMessage());
        assertEquals(
                "NTLM server protection() before the context is established (state: NEW)",
                assertThrows(RpcSecurityException.class, server::protection).getMessage());
        byte[] authenticate = clientAuthenticate(server, Lab.ADMINISTRATOR);
        server.accept(authenticate);
        assertTrue(server.isEstablished());
        assertEquals(
                "NTLM server: unexpected client token (expected state: NEW or CHALLENGE_SENT, actual: ESTABLISHED)",
                refused(server, authenticate));
        assertEquals(
                "NTLM server principal() before the context is established (state: FAILED)",
                assertThrows(RpcSecurityException.class, server::principal).getMessage());
    }

    /** Runs NEGOTIATE and CHALLENGE through {@code server} with a real client; returns its AUTHENTICATE. */
    private static byte[] clientAuthenticate(NtlmServerContext server, NtlmCredential credential) throws Exception {
        NtlmClientContext client = Lab.client(credential);
        return client.nextToken(server.accept(client.initialToken()).orElseThrow())
                .orElseThrow();
    }

    private static String handshakeRefused(NtlmCredential credential) throws Exception {
        NtlmServerContext server = LabServer.server();
        return refused(server, clientAuthenticate(server, credential));
    }

    private static String refused(NtlmServerContext server, byte[] token) {
        return assertThrows(RpcSecurityException.class, () -> server.accept(token))
                .getMessage();
    }

    private static byte[] authenticate(
            NegotiateFlags flags, byte[] lm, byte[] nt, String user, String domain, byte[] encryptedKey) {
        return new AuthenticateMessage(
                        flags, lm, nt, domain, user, "WS", encryptedKey, NtlmVersion.CLIENT, new byte[16])
                .encode();
    }

    /**
     * An NTLMv2 AUTHENTICATE built from the primitives, without MsvAvFlags (so no MIC), hashed with
     * {@code hashDomain} while {@code domain} goes in the message.
     */
    private static byte[] handMade(
            ChallengeMessage challenge, String domain, String hashDomain, byte[] ntHash, boolean withKey)
            throws Exception {
        byte[] clientChallenge = SpecValues.filled(8, 0x11);
        long time = challenge.targetInfo().find(AvId.TIMESTAMP).orElseThrow().u64Value();
        byte[] temp = NtlmV2.temp(time, clientChallenge, challenge.targetInfo().encode());
        byte[] ntowf = NtlmV2.ntowfV2(ntHash, "Administrator", hashDomain);
        byte[] proof = NtlmV2.ntProofStr(ntowf, challenge.serverChallenge(), temp);
        byte[] key =
                withKey ? NtlmV2.rc4k(NtlmV2.sessionBaseKey(ntowf, proof), SpecValues.filled(16, 0x77)) : new byte[0];
        return authenticate(
                challenge.flags(), new byte[24], NtlmClientContext.concat(proof, temp), "Administrator", domain, key);
    }

    /** A clock the test moves. */
    private static final class SteppingClock extends Clock {
        Instant now;

        SteppingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
