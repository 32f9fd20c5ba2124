package org.cews.wcce.msrpce;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The client's side of association setup ([MS-RPCE] 3.3.1.5.2.1, 3.3.1.5.6; C706 12.6.4.3-4): bind
 * with one NDR 2.0 presentation context and the first token, bind_ack (or bind_nak), then the
 * further legs the {@link ClientSecurityContext} asks for, as rpc_auth3 (no reply) or as
 * alter_context / alter_context_resp. Every PDU of the setup uses call_id 1.
 */
final class ClientBinder {

    static final int BIND_CALL_ID = 1;
    static final int PRESENTATION_CONTEXT_ID = 0;
    /** More legs than any provider here needs: a loop guard. */
    private static final int MAX_LEGS = 8;

    private final RpcByteChannel channel;
    private final SyntaxId abstractSyntax;
    private final RpcLimits limits;

    ClientBinder(RpcByteChannel channel, SyntaxId abstractSyntax, RpcLimits limits) {
        this.channel = channel;
        this.abstractSyntax = abstractSyntax;
        this.limits = limits;
    }

    RpcClientAssociation bind(Optional<ClientSecurityContext> security)
            throws IOException, RpcException, RpcSecurityException {
        Optional<AuthVerifier> first = Optional.empty();
        if (security.isPresent()) {
            first = Optional.of(verifier(security.get(), security.get().initialToken()));
        }
        channel.write(PduEncoder.encode(new BindPdu(
                BIND_CALL_ID,
                PfcFlags.FIRST_AND_LAST,
                limits.maxXmitFrag(),
                limits.maxRecvFrag(),
                0,
                contexts(),
                first)));
        Pdu reply = read();
        if (reply instanceof BindNakPdu nak) {
            throw new BindRejectedException("bind (expected: bind_ack, actual: bind_nak, reason " + nak.reason() + ")");
        }
        if (!(reply instanceof BindAckPdu ack)) {
            throw PduException.mismatch("PTYPE", PacketType.BIND_ACK, reply.type());
        }
        checkResults(ack.results());
        if (ack.maxRecvFrag() < CommonHeader.MIN_MAX_FRAG) {
            throw PduException.mismatch(
                    "bind_ack max_recv_frag", "at least " + CommonHeader.MIN_MAX_FRAG, ack.maxRecvFrag());
        }
        int maxXmitFrag = Math.min(limits.maxXmitFrag(), ack.maxRecvFrag());
        Optional<AuthBinding> auth = Optional.empty();
        if (security.isPresent()) {
            auth = Optional.of(establish(security.get(), ack));
        }
        return new RpcClientAssociation(channel, limits, maxXmitFrag, ack.assocGroupId(), auth, BIND_CALL_ID + 1);
    }

    private AuthBinding establish(ClientSecurityContext security, BindAckPdu ack)
            throws IOException, RpcException, RpcSecurityException {
        Optional<byte[]> next = security.nextToken(token(ack.auth(), security));
        int legs = 1;
        while (next.isPresent()) {
            if (++legs > MAX_LEGS) {
                throw new RpcSecurityException("security legs (expected: at most " + MAX_LEGS + ", actual: more)");
            }
            AuthVerifier v = verifier(security, next.get());
            if (security.thirdLeg() == ClientSecurityContext.ThirdLeg.AUTH3) {
                channel.write(PduEncoder.encode(new Auth3Pdu(BIND_CALL_ID, PfcFlags.FIRST_AND_LAST, v)));
                break;
            }
            channel.write(PduEncoder.encode(new AlterContextPdu(
                    BIND_CALL_ID,
                    PfcFlags.FIRST_AND_LAST,
                    limits.maxXmitFrag(),
                    limits.maxRecvFrag(),
                    ack.assocGroupId(),
                    contexts(),
                    Optional.of(v))));
            Pdu reply = read();
            if (!(reply instanceof AlterContextRespPdu resp)) {
                throw PduException.mismatch("PTYPE", PacketType.ALTER_CONTEXT_RESP, reply.type());
            }
            checkResults(resp.results());
            next = resp.auth().isPresent() ? security.nextToken(token(resp.auth(), security)) : Optional.empty();
        }
        if (!security.isEstablished()) {
            throw new RpcSecurityException(
                    "security context (expected: established, actual: not established after " + legs + " legs)");
        }
        return new AuthBinding(security.authType(), RpcClientAssociation.AUTH_CONTEXT_ID, security.protection());
    }

    /** The next PDU of the setup: a fault becomes {@link RpcFaultException}; call_id must be ours. */
    private Pdu read() throws IOException, RpcException {
        Pdu pdu = PduDecoder.decode(FrameReader.read(channel, limits.maxRecvFrag()));
        if (pdu.callId() != BIND_CALL_ID) {
            throw PduException.mismatch("call_id", BIND_CALL_ID, Integer.toUnsignedString(pdu.callId()));
        }
        if (pdu instanceof FaultPdu fault) {
            throw new RpcFaultException(fault.status(), "association setup answered by fault " + fault.status());
        }
        return pdu;
    }

    private void checkResults(List<PresentationResult> results) throws RpcException {
        if (results.size() != 1) {
            throw PduException.mismatch("n_results", 1, results.size());
        }
        PresentationResult r = results.get(0);
        if (!r.result().equals(PresentationResult.Result.ACCEPTANCE)) {
            throw new BindRejectedException("presentation context for " + abstractSyntax.uuid()
                    + " (expected: acceptance, actual: " + r.result() + ", reason " + r.reason() + ")");
        }
        if (!r.transferSyntax().equals(SyntaxId.NDR20)) {
            throw PduException.mismatch("transfer_syntax", SyntaxId.NDR20, r.transferSyntax());
        }
    }

    /** The server's token; a missing one is handed to the provider as empty, for it to judge. */
    private static byte[] token(Optional<AuthVerifier> v, ClientSecurityContext security) throws PduException {
        if (v.isEmpty()) {
            return new byte[0];
        }
        if (!v.get().authType().equals(security.authType())) {
            throw PduException.mismatch(
                    "auth_type", security.authType().code(), v.get().authType().code());
        }
        if (v.get().contextId() != RpcClientAssociation.AUTH_CONTEXT_ID) {
            throw PduException.mismatch(
                    "auth_context_id",
                    RpcClientAssociation.AUTH_CONTEXT_ID,
                    v.get().contextId());
        }
        return v.get().value();
    }

    private static AuthVerifier verifier(ClientSecurityContext security, byte[] token) {
        return AuthVerifier.token(
                security.authType(), AuthLevel.PKT_PRIVACY, RpcClientAssociation.AUTH_CONTEXT_ID, token);
    }

    private List<PresentationContext> contexts() {
        return List.of(PresentationContext.ndr20(PRESENTATION_CONTEXT_ID, abstractSyntax));
    }
}
