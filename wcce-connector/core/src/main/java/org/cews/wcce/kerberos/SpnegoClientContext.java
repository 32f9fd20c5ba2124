package org.cews.wcce.kerberos;

import java.util.List;
import java.util.Optional;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.Oid;
import org.cews.wcce.kerberos.gss.NegTokenInit;
import org.cews.wcce.kerberos.gss.NegTokenResp;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.ClientSecurityContext;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;

/**
 * auth_type 9 (RPC_C_AUTHN_GSS_NEGOTIATE): the DCE-style Kerberos exchange of
 * {@link KerberosClientContext} inside SPNEGO (RFC 4178, [MS-SPNG]), as docs/RPC-KERBEROS.md §W2
 * records it:
 *
 * <ol>
 *   <li>bind: NegTokenInit {mechTypes [MS-KRB5, KRB5], mechToken = the raw AP-REQ};
 *   <li>bind_ack: NegTokenResp {accept-incomplete, supportedMech, responseToken = the AP-REP};
 *   <li>alter_context: NegTokenResp {responseToken = our AP-REP, mechListMIC (usage 25)};
 *   <li>alter_context_resp: NegTokenResp {accept-completed, mechListMIC (usage 23)}, checked.
 * </ol>
 *
 * Each MIC consumes one sequence number, so the first sealed PDU in each direction uses the
 * AP exchange's value plus one.
 */
public final class SpnegoClientContext implements ClientSecurityContext {

    /** MS-KRB5 first, as Windows and Samba's client offer it. */
    static final List<Oid> MECH_TYPES = List.of(Oid.MS_KRB5, Oid.KRB5);

    private enum State {
        NEW,
        SENT_INIT,
        SENT_RESPONSE,
        ESTABLISHED,
        FAILED
    }

    private final KerberosClientContext kerberos;
    private State state = State.NEW;
    private byte[] mechTypesDer;

    public SpnegoClientContext(KerberosClientContext kerberos) {
        this.kerberos = kerberos;
    }

    @Override
    public AuthType authType() {
        return AuthType.SPNEGO;
    }

    /** alter_context: Samba faulted auth3 with SPNEGO (docs/RPC-KERBEROS.md §W3.1) and the MIC needs a reply. */
    @Override
    public ThirdLeg thirdLeg() {
        return ThirdLeg.ALTER_CONTEXT;
    }

    @Override
    public byte[] initialToken() throws RpcSecurityException {
        expect(State.NEW);
        NegTokenInit init = NegTokenInit.of(MECH_TYPES, kerberos.initialToken());
        mechTypesDer = init.mechTypesDer();
        state = State.SENT_INIT;
        return init.encode();
    }

    @Override
    public Optional<byte[]> nextToken(byte[] serverToken) throws RpcSecurityException {
        try {
            if (state == State.SENT_INIT) {
                NegTokenResp response = NegTokenResp.decode(serverToken);
                expectNegState(response, NegTokenResp.ACCEPT_INCOMPLETE);
                if (response.supportedMech() == null || !MECH_TYPES.contains(response.supportedMech())) {
                    throw fail("SPNEGO supportedMech (expected: one of " + MECH_TYPES + ", actual: "
                            + response.supportedMech() + ")");
                }
                if (response.responseToken() == null) {
                    throw fail("SPNEGO responseToken (expected: the AP-REP, actual: absent)");
                }
                byte[] apRep = kerberos.nextToken(response.responseToken()).orElseThrow();
                byte[] mic = kerberos.signMic(mechTypesDer);
                state = State.SENT_RESPONSE;
                return Optional.of(new NegTokenResp(null, null, apRep, mic).encode());
            }
            expect(State.SENT_RESPONSE);
            NegTokenResp response = NegTokenResp.decode(serverToken);
            expectNegState(response, NegTokenResp.ACCEPT_COMPLETED);
            if (response.mechListMic() == null) {
                throw fail("SPNEGO mechListMIC from the server (expected: present, actual: absent)");
            }
            kerberos.verifyMic(mechTypesDer, response.mechListMic());
            state = State.ESTABLISHED;
            return Optional.empty();
        } catch (DerException e) {
            throw fail("SPNEGO: " + e.getMessage());
        } catch (RpcSecurityException e) {
            state = State.FAILED;
            throw e;
        }
    }

    @Override
    public boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    @Override
    public PduProtection protection() throws RpcSecurityException {
        expect(State.ESTABLISHED);
        return kerberos.protection();
    }

    private void expectNegState(NegTokenResp response, int expected) throws RpcSecurityException {
        Integer negState = response.negState();
        if (negState == null || negState != expected) {
            throw fail("SPNEGO negState (expected: " + expected + ", actual: " + negState + ")");
        }
    }

    private void expect(State expected) throws RpcSecurityException {
        if (state != expected) {
            throw new RpcSecurityException(
                    "SPNEGO client context state (expected: " + expected + ", actual: " + state + ")");
        }
    }

    private RpcSecurityException fail(String message) {
        state = State.FAILED;
        return new RpcSecurityException(message);
    }
}
