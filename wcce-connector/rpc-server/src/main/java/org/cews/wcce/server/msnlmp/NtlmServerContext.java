package org.cews.wcce.server.msnlmp;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.cews.wcce.msnlmp.ChallengeMessage;
import org.cews.wcce.msnlmp.FileTime;
import org.cews.wcce.msnlmp.MalformedNtlmMessageException;
import org.cews.wcce.msnlmp.NegotiateFlag;
import org.cews.wcce.msnlmp.NegotiateFlags;
import org.cews.wcce.msnlmp.NegotiateMessage;
import org.cews.wcce.msnlmp.NonceSource;
import org.cews.wcce.msnlmp.NtlmPduProtection;
import org.cews.wcce.msnlmp.NtlmVersion;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.cews.wcce.server.msrpce.ServerSecurityContext;

/**
 * The NTLMv2 server of a DCE/RPC association at packet privacy ([MS-NLMP] 3.2.5.1, connection
 * oriented), as the lab's AD CS emulator uses it: the NEGOTIATE from the bind is answered with a
 * CHALLENGE for the bind_ack; the AUTHENTICATE from auth3 (or alter_context) is verified by
 * {@link NtlmLogon} and gets no reply token. It refuses a NEGOTIATE without UNICODE, SIGN, SEAL,
 * EXTENDED_SESSIONSECURITY or 128-bit keys, and chooses its flags as Samba does: the required
 * ones, REQUEST_TARGET, NTLM, ALWAYS_SIGN, TARGET_TYPE_DOMAIN, TARGET_INFO, plus KEY_EXCH, 56 and
 * VERSION when the client offers them (0xE2088235 gives 0xE2898235, docs/RPC-NTLM.md
 * §1.2). Its TargetInfo always carries MsvAvTimestamp.
 */
public final class NtlmServerContext implements ServerSecurityContext {

    private static final NegotiateFlags ALWAYS = NegotiateFlags.REQUIRED_FOR_PRIVACY.or(NegotiateFlags.of(
            NegotiateFlag.REQUEST_TARGET,
            NegotiateFlag.NTLM,
            NegotiateFlag.ALWAYS_SIGN,
            NegotiateFlag.TARGET_TYPE_DOMAIN,
            NegotiateFlag.TARGET_INFO));
    private static final NegotiateFlags IF_OFFERED =
            NegotiateFlags.of(NegotiateFlag.KEY_EXCH, NegotiateFlag.NEGOTIATE_56, NegotiateFlag.VERSION);

    private enum State {
        NEW,
        CHALLENGE_SENT,
        ESTABLISHED,
        FAILED
    }

    private final NtlmCredentialLookup accounts;
    private final NtlmServerNames names;
    private final NonceSource nonces;
    private final Clock clock;
    private State state = State.NEW;
    private byte[] negotiate;
    private byte[] challengeBytes;
    private ChallengeMessage challenge;
    private RpcPrincipal principal;
    private NtlmPduProtection protection;

    /**
     * @param nonces gives the ServerChallenge
     * @param clock gives the MsvAvTimestamp and the time the client's response is checked against
     */
    public NtlmServerContext(NtlmCredentialLookup accounts, NtlmServerNames names, NonceSource nonces, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.names = Objects.requireNonNull(names, "names");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuthType authType() {
        return AuthType.NTLM;
    }

    @Override
    public Optional<byte[]> accept(byte[] clientToken) throws RpcSecurityException {
        State was = state;
        state = State.FAILED;
        switch (was) {
            case NEW -> {
                byte[] reply = challenge(clientToken.clone());
                state = State.CHALLENGE_SENT;
                return Optional.of(reply);
            }
            case CHALLENGE_SENT -> {
                NtlmLogon.Result logon = NtlmLogon.verify(
                        negotiate, challengeBytes, challenge, clientToken.clone(), accounts, clock.instant());
                principal = logon.principal();
                protection = NtlmPduProtection.acceptor(logon.keys());
                state = State.ESTABLISHED;
                return Optional.empty();
            }
            default -> throw new RpcSecurityException(
                    "NTLM server: unexpected client token (expected state: NEW or CHALLENGE_SENT, actual: " + was
                            + ")");
        }
    }

    @Override
    public boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    @Override
    public RpcPrincipal principal() throws RpcSecurityException {
        expectEstablished("principal()");
        return principal;
    }

    @Override
    public PduProtection protection() throws RpcSecurityException {
        expectEstablished("protection()");
        return protection;
    }

    /** [MS-NLMP] 3.2.5.1.1. */
    private byte[] challenge(byte[] negotiateBytes) throws RpcSecurityException {
        NegotiateMessage offer;
        try {
            offer = NegotiateMessage.decode(negotiateBytes);
        } catch (MalformedNtlmMessageException e) {
            throw new RpcSecurityException("malformed NEGOTIATE_MESSAGE: " + e.getMessage(), e);
        }
        Optional<String> lack = offer.flags().lackForPrivacy("NEGOTIATE_MESSAGE");
        if (lack.isPresent()) {
            throw new RpcSecurityException(lack.get());
        }
        NegotiateFlags flags = ALWAYS.or(offer.flags().and(IF_OFFERED));
        byte[] serverChallenge = new byte[8];
        nonces.nextBytes(serverChallenge);
        challenge = new ChallengeMessage(
                flags,
                names.nbDomain(),
                serverChallenge,
                names.targetInfo(FileTime.of(clock.instant())),
                flags.has(NegotiateFlag.VERSION) ? NtlmVersion.SERVER : null);
        negotiate = negotiateBytes;
        challengeBytes = challenge.encode();
        return challengeBytes.clone();
    }

    private void expectEstablished(String call) throws RpcSecurityException {
        if (state != State.ESTABLISHED) {
            throw new RpcSecurityException(
                    "NTLM server " + call + " before the context is established (state: " + state + ")");
        }
    }
}
