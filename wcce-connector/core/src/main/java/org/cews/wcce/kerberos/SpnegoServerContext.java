package org.cews.wcce.kerberos;

import java.util.List;
import java.util.Optional;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.Oid;
import org.cews.wcce.kerberos.gss.NegTokenInit;
import org.cews.wcce.kerberos.gss.NegTokenResp;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcPrincipal;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.msrpce.ServerSecurityContext;

/**
 * auth_type 9 on the server: {@link KerberosServerContext} inside SPNEGO (RFC 4178, [MS-SPNG]). The
 * optimistic token of a NegTokenInit whose first mechanism is Kerberos (either OID) is accepted;
 * supportedMech echoes that OID ([MS-SPNG] 3.2.5.2 for MS-KRB5). The alter_context must bring the
 * client's AP-REP and its mechListMIC; the answer is accept-completed with ours
 * (RPC-KERBEROS-WIRE.md §2).
 */
public final class SpnegoServerContext implements ServerSecurityContext {

    private static final List<Oid> KERBEROS = List.of(Oid.MS_KRB5, Oid.KRB5);

    private enum State {
        NEW,
        SENT_RESPONSE,
        ESTABLISHED,
        FAILED
    }

    private final KerberosServerContext kerberos;
    private State state = State.NEW;
    private byte[] mechTypesDer;

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
            if (state == State.NEW) {
                NegTokenInit init = NegTokenInit.decode(clientToken);
                Oid first = init.mechTypes().isEmpty() ? null : init.mechTypes().get(0);
                if (!KERBEROS.contains(first) || init.mechToken() == null) {
                    throw fail("SPNEGO mechTypes (expected: Kerberos first with its token, actual: " + init.mechTypes()
                            + (init.mechToken() == null ? " without a token" : "") + ")");
                }
                mechTypesDer = init.mechTypesDer();
                byte[] apRep = kerberos.accept(init.mechToken()).orElseThrow();
                state = State.SENT_RESPONSE;
                return Optional.of(new NegTokenResp(NegTokenResp.ACCEPT_INCOMPLETE, first, apRep, null).encode());
            }
            expect(State.SENT_RESPONSE);
            NegTokenResp response = NegTokenResp.decode(clientToken);
            if (response.responseToken() == null) {
                throw fail("SPNEGO responseToken (expected: the client's AP-REP, actual: absent)");
            }
            if (response.mechListMic() == null) {
                throw fail("SPNEGO mechListMIC (expected: present, actual: absent)");
            }
            kerberos.accept(response.responseToken());
            kerberos.verifyMic(mechTypesDer, response.mechListMic());
            byte[] mic = kerberos.signMic(mechTypesDer);
            state = State.ESTABLISHED;
            return Optional.of(new NegTokenResp(NegTokenResp.ACCEPT_COMPLETED, null, null, mic).encode());
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
