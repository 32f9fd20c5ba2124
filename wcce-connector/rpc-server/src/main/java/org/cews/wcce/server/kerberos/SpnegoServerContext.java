package org.cews.wcce.server.kerberos;

import java.util.List;
import java.util.Optional;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.Oid;
import org.cews.wcce.kerberos.gss.NegTokenInit;
import org.cews.wcce.kerberos.gss.NegTokenResp;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.cews.wcce.server.msrpce.ServerSecurityContext;

/**
 * auth_type 9 on the server: {@link KerberosServerContext} inside SPNEGO (RFC 4178, [MS-SPNG]). The
 * acceptor selects the first Kerberos OID (MS-KRB5 or KRB5) of the initiator's mechTypes and echoes
 * it as supportedMech ([MS-SPNG] 3.2.5.2 for MS-KRB5); a list without Kerberos is refused.
 *
 * <ul>
 *   <li>Kerberos first with its optimistic token: the AP-REP answers the NegTokenInit at once
 *       (docs/RPC-KERBEROS.md §W2).
 *   <li>Kerberos first without a token, or Kerberos later in the list (the optimistic token, being
 *       another mechanism's, is ignored): the first answer names the mechanism with negState
 *       accept-incomplete, or request-mic when it is not the initiator's first choice (RFC 4178
 *       §4.2.2); the next NegTokenResp must bring the AP-REQ, answered with the AP-REP.
 * </ul>
 *
 * The leg after the AP-REP brings the client's AP-REP. Its mechListMIC follows RFC 4178 §5: "if
 * the accepted mechanism is the most preferred mechanism of both the initiator and the acceptor,
 * then the MIC token exchange ... is OPTIONAL. In all other cases, MIC tokens MUST be exchanged";
 * "the MIC token exchange is required if a mechanism other than the initiator's first choice is
 * chosen". This acceptor takes whichever Kerberos OID comes first, so a Kerberos OID at the head
 * of the list is the most preferred of both ends: there the initiator may omit the MIC, as
 * impacket 0.10 does and as Windows, MIT and Heimdal acceptors allow, and the answer is
 * accept-completed without a MIC of ours (the exchange did not take place; no sequence number is
 * used). A MIC that is sent is always verified, and answered with ours. When Kerberos was not the
 * initiator's first choice, a missing MIC is refused.
 */
public final class SpnegoServerContext implements ServerSecurityContext {

    private static final List<Oid> KERBEROS = List.of(Oid.MS_KRB5, Oid.KRB5);

    private enum State {
        NEW,
        AWAITING_MECH_TOKEN,
        SENT_RESPONSE,
        ESTABLISHED,
        FAILED
    }

    private final KerberosServerContext kerberos;
    private State state = State.NEW;
    private byte[] mechTypesDer;
    private Oid selected;
    private boolean micRequired;

    public SpnegoServerContext(KerberosServerContext kerberos) {
        this.kerberos = kerberos;
    }

    @Override
    public AuthType authType() {
        return AuthType.SPNEGO;
    }

    @Override
    public Optional<byte[]> accept(byte[] clientToken) throws RpcSecurityException {
        try {
            return Optional.of(
                    switch (state) {
                        case NEW -> negTokenInit(clientToken);
                        case AWAITING_MECH_TOKEN -> mechToken(clientToken);
                        default -> thirdLeg(clientToken);
                    });
        } catch (DerException e) {
            throw fail("SPNEGO: " + e.getMessage());
        } catch (RpcSecurityException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private byte[] negTokenInit(byte[] clientToken) throws DerException, RpcSecurityException {
        NegTokenInit init = NegTokenInit.decode(clientToken);
        int index = firstKerberos(init.mechTypes());
        if (index < 0) {
            throw fail("SPNEGO mechTypes (expected: Kerberos among them, actual: " + init.mechTypes() + ")");
        }
        mechTypesDer = init.mechTypesDer();
        selected = init.mechTypes().get(index);
        micRequired = index != 0;
        if (index == 0 && init.mechToken() != null) {
            byte[] apRep = kerberos.accept(init.mechToken()).orElseThrow();
            state = State.SENT_RESPONSE;
            return new NegTokenResp(NegTokenResp.ACCEPT_INCOMPLETE, selected, apRep, null).encode();
        }
        state = State.AWAITING_MECH_TOKEN;
        int negState = micRequired ? NegTokenResp.REQUEST_MIC : NegTokenResp.ACCEPT_INCOMPLETE;
        return new NegTokenResp(negState, selected, null, null).encode();
    }

    private byte[] mechToken(byte[] clientToken) throws DerException, RpcSecurityException {
        NegTokenResp response = NegTokenResp.decode(clientToken);
        if (response.responseToken() == null) {
            throw fail("SPNEGO responseToken (expected: the client's AP-REQ, actual: absent)");
        }
        if (response.mechListMic() != null) {
            throw fail("SPNEGO mechListMIC (expected: absent before the AP exchange, actual: present)");
        }
        byte[] apRep = kerberos.accept(response.responseToken()).orElseThrow();
        state = State.SENT_RESPONSE;
        return new NegTokenResp(NegTokenResp.ACCEPT_INCOMPLETE, null, apRep, null).encode();
    }

    private byte[] thirdLeg(byte[] clientToken) throws DerException, RpcSecurityException {
        expect(State.SENT_RESPONSE);
        NegTokenResp response = NegTokenResp.decode(clientToken);
        if (response.responseToken() == null) {
            throw fail("SPNEGO responseToken (expected: the client's AP-REP, actual: absent)");
        }
        byte[] clientMic = response.mechListMic();
        if (clientMic == null && micRequired) {
            throw fail("SPNEGO mechListMIC (expected: present, " + selected
                    + " not being the initiator's first mechanism, actual: absent)");
        }
        kerberos.accept(response.responseToken());
        byte[] mic = null;
        if (clientMic != null) {
            kerberos.verifyMic(mechTypesDer, clientMic);
            mic = kerberos.signMic(mechTypesDer);
        }
        state = State.ESTABLISHED;
        return new NegTokenResp(NegTokenResp.ACCEPT_COMPLETED, null, null, mic).encode();
    }

    private static int firstKerberos(List<Oid> mechTypes) {
        for (int i = 0; i < mechTypes.size(); i++) {
            if (KERBEROS.contains(mechTypes.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    @Override
    public RpcPrincipal principal() throws RpcSecurityException {
        expect(State.ESTABLISHED);
        return kerberos.principal();
    }

    @Override
    public PduProtection protection() throws RpcSecurityException {
        expect(State.ESTABLISHED);
        return kerberos.protection();
    }

    private void expect(State expected) throws RpcSecurityException {
        if (state != expected) {
            throw new RpcSecurityException(
                    "SPNEGO server context state (expected: " + expected + ", actual: " + state + ")");
        }
    }

    private RpcSecurityException fail(String message) {
        state = State.FAILED;
        return new RpcSecurityException(message);
    }
}
