package org.cews.wcce.msnlmp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.ClientSecurityContext;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;

/**
 * The NTLMv2 client of a DCE/RPC association at packet privacy ([MS-NLMP] 3.1.5.1, connection
 * oriented): NEGOTIATE in the bind, CHALLENGE from the bind_ack, AUTHENTICATE in rpc_auth3. It
 * refuses a CHALLENGE without UNICODE, SIGN, SEAL, EXTENDED_SESSIONSECURITY or 128-bit keys
 * (Samba would otherwise switch to NTLMv1 sealing or 40-bit keys; docs/RPC-NTLM.md §2.1),
 * and one without the NetBIOS names in its TargetInfo (3.1.5.1.2). The AV pairs it sends are the
 * server's, then MsvAvFlags = 2 (MIC present, when the server sent a timestamp), 16 zero
 * channel-binding bytes and the target SPN (§1.3).
 */
public final class NtlmClientContext implements ClientSecurityContext {

    /** The flags Samba accepted: 0xE2088235 (docs/RPC-NTLM.md §1.1). */
    static final NegotiateFlags OFFER = NegotiateFlags.of(
            NegotiateFlag.UNICODE,
            NegotiateFlag.REQUEST_TARGET,
            NegotiateFlag.SIGN,
            NegotiateFlag.SEAL,
            NegotiateFlag.NTLM,
            NegotiateFlag.ALWAYS_SIGN,
            NegotiateFlag.EXTENDED_SESSIONSECURITY,
            NegotiateFlag.VERSION,
            NegotiateFlag.NEGOTIATE_128,
            NegotiateFlag.KEY_EXCH,
            NegotiateFlag.NEGOTIATE_56);

    private static final int MIC_PRESENT = 0x2;

    private enum State {
        NEW,
        NEGOTIATE_SENT,
        ESTABLISHED,
        FAILED
    }

    private final NegotiateFlags offer;
    private final NtlmCredential credential;
    private final String workstation;
    private final String targetSpn;
    private final NonceSource nonces;
    private final Clock clock;
    private State state = State.NEW;
    private byte[] negotiate;
    private NtlmPduProtection protection;

    /**
     * @param workstation this machine's NetBIOS name, sent in the AUTHENTICATE_MESSAGE
     * @param targetSpn the server's SPN for MsvAvTargetName, e.g. {@code host/ca.example.test}
     * @param clock gives the NTLMv2 time only when the server sends no MsvAvTimestamp
     */
    public NtlmClientContext(
            NtlmCredential credential, String workstation, String targetSpn, NonceSource nonces, Clock clock) {
        this(credential, workstation, targetSpn, nonces, clock, OFFER);
    }

    /** With other flags to offer, for tests of what a server chooses. */
    NtlmClientContext(
            NtlmCredential credential,
            String workstation,
            String targetSpn,
            NonceSource nonces,
            Clock clock,
            NegotiateFlags offer) {
        this.offer = Objects.requireNonNull(offer, "offer");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.workstation = Objects.requireNonNull(workstation, "workstation");
        this.targetSpn = Objects.requireNonNull(targetSpn, "targetSpn");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuthType authType() {
        return AuthType.NTLM;
    }

    @Override
    public ThirdLeg thirdLeg() {
        return ThirdLeg.AUTH3;
    }

    @Override
    public byte[] initialToken() throws RpcSecurityException {
        expect(State.NEW, "initialToken()");
        negotiate = NegotiateMessage.of(offer, NtlmVersion.CLIENT).encode();
        state = State.NEGOTIATE_SENT;
        return negotiate.clone();
    }

    @Override
    public Optional<byte[]> nextToken(byte[] serverToken) throws RpcSecurityException {
        expect(State.NEGOTIATE_SENT, "nextToken()");
        state = State.FAILED;
        ChallengeMessage challenge;
        try {
            challenge = ChallengeMessage.decode(serverToken);
        } catch (MalformedNtlmMessageException e) {
            throw new RpcSecurityException("malformed CHALLENGE_MESSAGE: " + e.getMessage(), e);
        }
        checkChallenge(challenge);
        byte[] authenticate = authenticate(challenge, serverToken.clone());
        state = State.ESTABLISHED;
        return Optional.of(authenticate);
    }

    @Override
    public boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    @Override
    public PduProtection protection() throws RpcSecurityException {
        expect(State.ESTABLISHED, "protection()");
        return protection;
    }

    private static void checkChallenge(ChallengeMessage challenge) throws RpcSecurityException {
        Optional<String> lack = challenge.flags().lackForPrivacy("CHALLENGE_MESSAGE");
        if (lack.isPresent()) {
            throw new RpcSecurityException(lack.get());
        }
        TargetInfo info = challenge.targetInfo();
        if (info.find(AvId.NB_COMPUTER_NAME).isEmpty()
                || info.find(AvId.NB_DOMAIN_NAME).isEmpty()) {
            throw new RpcSecurityException("CHALLENGE_MESSAGE TargetInfo (expected: MsvAvNbComputerName and "
                    + "MsvAvNbDomainName, actual: AvIds "
                    + info.pairs().stream().map(p -> p.id().code()).toList() + ")");
        }
    }

    /** [MS-NLMP] 3.1.5.1.2 with NTLMv2 (3.3.2) and KXKEY = SessionBaseKey. */
    private byte[] authenticate(ChallengeMessage challenge, byte[] challengeBytes) throws RpcSecurityException {
        NegotiateFlags flags = challenge.flags();
        OptionalLong serverTime = serverTimestamp(challenge.targetInfo());
        byte[] clientChallenge = new byte[8];
        nonces.nextBytes(clientChallenge);
        byte[] serverChallenge = challenge.serverChallenge();
        long time = serverTime.orElseGet(() -> FileTime.of(clock.instant()));
        byte[] ntowf = NtlmV2.ntowfV2(credential.ntHash(), credential.user(), credential.domain());
        byte[] temp = NtlmV2.temp(time, clientChallenge, avPairs(challenge.targetInfo(), serverTime.isPresent()));
        byte[] proof = NtlmV2.ntProofStr(ntowf, serverChallenge, temp);
        byte[] ntResponse = concat(proof, temp);
        // With a server timestamp the LMv2 response is Z(24) (3.1.5.1.2).
        byte[] lmResponse =
                serverTime.isPresent() ? new byte[24] : NtlmV2.lmV2Response(ntowf, serverChallenge, clientChallenge);
        byte[] sessionBaseKey = NtlmV2.sessionBaseKey(ntowf, proof);
        byte[] exportedSessionKey = sessionBaseKey;
        byte[] encryptedKey = new byte[0];
        if (flags.has(NegotiateFlag.KEY_EXCH)) {
            exportedSessionKey = new byte[16];
            nonces.nextBytes(exportedSessionKey);
            encryptedKey = NtlmV2.rc4k(sessionBaseKey, exportedSessionKey);
        }
        byte[] message = new AuthenticateMessage(
                        flags,
                        lmResponse,
                        ntResponse,
                        credential.domain(),
                        credential.user(),
                        workstation,
                        encryptedKey,
                        flags.has(NegotiateFlag.VERSION) ? NtlmVersion.CLIENT : null,
                        new byte[16])
                .encode();
        if (serverTime.isPresent()) {
            byte[] mic = NtlmV2.mic(exportedSessionKey, negotiate, challengeBytes, message);
            System.arraycopy(mic, 0, message, AuthenticateMessage.MIC_OFFSET, mic.length);
        }
        protection = NtlmPduProtection.initiator(SessionKeys.derive(exportedSessionKey, flags));
        Arrays.fill(ntowf, (byte) 0);
        Arrays.fill(sessionBaseKey, (byte) 0);
        Arrays.fill(exportedSessionKey, (byte) 0);
        return message;
    }

    private byte[] avPairs(TargetInfo server, boolean withMic) throws RpcSecurityException {
        List<AvPair> pairs = new ArrayList<>();
        boolean flagsSeen = false;
        for (AvPair p : server.pairs()) {
            if (p.id().equals(AvId.FLAGS) && withMic) {
                pairs.add(AvPair.ofU32(AvId.FLAGS, u32(p) | MIC_PRESENT));
                flagsSeen = true;
            } else if (!p.id().equals(AvId.CHANNEL_BINDINGS) && !p.id().equals(AvId.TARGET_NAME)) {
                pairs.add(p);
            }
        }
        if (withMic && !flagsSeen) {
            pairs.add(AvPair.ofU32(AvId.FLAGS, MIC_PRESENT));
        }
        pairs.add(new AvPair(AvId.CHANNEL_BINDINGS, new byte[16]));
        pairs.add(AvPair.ofString(AvId.TARGET_NAME, targetSpn));
        return new TargetInfo(pairs).encode();
    }

    private static OptionalLong serverTimestamp(TargetInfo info) throws RpcSecurityException {
        Optional<AvPair> timestamp = info.find(AvId.TIMESTAMP);
        try {
            return timestamp.isPresent() ? OptionalLong.of(timestamp.get().u64Value()) : OptionalLong.empty();
        } catch (MalformedNtlmMessageException e) {
            throw new RpcSecurityException("malformed CHALLENGE_MESSAGE: " + e.getMessage(), e);
        }
    }

    private static int u32(AvPair p) throws RpcSecurityException {
        try {
            return p.u32Value();
        } catch (MalformedNtlmMessageException e) {
            throw new RpcSecurityException("malformed CHALLENGE_MESSAGE: " + e.getMessage(), e);
        }
    }

    private void expect(State expected, String call) throws RpcSecurityException {
        if (state != expected) {
            throw new RpcSecurityException(
                    "NTLM client " + call + " out of order (expected state: " + expected + ", actual: " + state + ")");
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
