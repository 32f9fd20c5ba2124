package org.cews.wcce.msrpce;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * The client end of one connection-oriented association ([MS-RPCE] 3.3.2; C706 12.6): bound to one
 * interface over NDR 2.0, either at RPC_C_AUTHN_LEVEL_PKT_PRIVACY with a
 * {@link ClientSecurityContext} or without authentication (the endpoint mapper). Calls are made one
 * at a time, with call_ids 2, 3, ...; a request or response longer than a fragment is fragmented
 * and reassembled here. Not thread-safe.
 *
 * <p>A fault answer is an {@link RpcFaultException} and leaves the association usable; any other
 * failure breaks it, and later calls fail at once. The association owns the channel: a failed bind
 * and {@link #close()} close it.
 */
public final class RpcClientAssociation implements Closeable {

    /** The auth_context_id of every sec_trailer on the association. */
    public static final int AUTH_CONTEXT_ID = 0;

    private final RpcByteChannel channel;
    private final RpcLimits limits;
    private final int maxXmitFrag;
    private final int assocGroupId;
    private final Optional<AuthBinding> auth;
    private int nextCallId;
    private boolean broken;
    private boolean requestSent;

    RpcClientAssociation(
            RpcByteChannel channel,
            RpcLimits limits,
            int maxXmitFrag,
            int assocGroupId,
            Optional<AuthBinding> auth,
            int firstCallId) {
        this.channel = channel;
        this.limits = limits;
        this.maxXmitFrag = maxXmitFrag;
        this.assocGroupId = assocGroupId;
        this.auth = auth;
        this.nextCallId = firstCallId;
    }

    /** Binds {@code abstractSyntax} at packet privacy, running every leg {@code security} asks for. */
    public static RpcClientAssociation bind(
            RpcByteChannel channel, SyntaxId abstractSyntax, ClientSecurityContext security, RpcLimits limits)
            throws IOException, RpcException, RpcSecurityException {
        return bind(channel, abstractSyntax, Optional.of(security), limits);
    }

    /** Binds {@code abstractSyntax} without authentication: no sec_trailer on any PDU. */
    public static RpcClientAssociation bindUnauthenticated(
            RpcByteChannel channel, SyntaxId abstractSyntax, RpcLimits limits) throws IOException, RpcException {
        try {
            return bind(channel, abstractSyntax, Optional.empty(), limits);
        } catch (RpcSecurityException e) {
            throw new IllegalStateException("no security context, yet " + e.getMessage(), e);
        }
    }

    private static RpcClientAssociation bind(
            RpcByteChannel channel, SyntaxId abstractSyntax, Optional<ClientSecurityContext> security, RpcLimits limits)
            throws IOException, RpcException, RpcSecurityException {
        try {
            return new ClientBinder(channel, abstractSyntax, limits).bind(security);
        } catch (IOException | RpcException | RpcSecurityException | RuntimeException e) {
            closeAfter(channel, e);
            throw e;
        }
    }

    /** Calls {@code opnum} with an NDR-encoded request stub; returns the NDR-encoded response stub. */
    public byte[] call(int opnum, byte[] stub) throws IOException, RpcException, RpcSecurityException {
        return call(opnum, Optional.empty(), stub);
    }

    /** As {@link #call(int, byte[])}, with an object UUID in every request fragment. */
    public byte[] call(int opnum, Optional<UUID> object, byte[] stub)
            throws IOException, RpcException, RpcSecurityException {
        if (broken) {
            throw new RpcException("association (expected: usable, actual: broken by an earlier failure)");
        }
        int callId = nextCallId++;
        requestSent = false;
        try {
            StubFragmenter.request(
                    callId, ClientBinder.PRESENTATION_CONTEXT_ID, opnum, object, stub, maxXmitFrag, auth, fragment -> {
                        requestSent = true; // from here on, the server may have the request
                        channel.write(fragment);
                    });
            StubReassembler response = StubReassembler.forResponse(callId, limits.maxStubLength(), auth);
            byte[] frame;
            do {
                frame = FrameReader.read(channel, limits.maxRecvFrag());
                if (CommonHeader.decode(frame).type().equals(PacketType.FAULT)) {
                    throw fault(PduDecoder.decode(frame), callId, opnum);
                }
            } while (!response.add(frame));
            return response.stub();
        } catch (RpcFaultException e) {
            throw e;
        } catch (IOException | RpcException | RpcSecurityException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /**
     * A fault for the call. Its sec_trailer, if any, is not verified: a fault on an authenticated
     * association is therefore {@link RpcFaultException#unverified()}.
     */
    private RpcFaultException fault(Pdu pdu, int callId, int opnum) throws PduException {
        if (pdu.callId() != callId) {
            throw PduException.mismatch(
                    "fault call_id", Integer.toUnsignedString(callId), Integer.toUnsignedString(pdu.callId()));
        }
        FaultStatus status = ((FaultPdu) pdu).status();
        return new RpcFaultException(
                status,
                "opnum " + opnum + " (call_id " + callId + ") failed with fault " + status
                        + (auth.isPresent() ? " (unverified: a fault carries no checked signature)" : ""),
                auth.isPresent());
    }

    /**
     * Whether any fragment of the last call's request was handed to the channel: if not, a failure
     * of that call means the server never had the request; if so, it may have it, answered or not.
     */
    public boolean requestSent() {
        return requestSent;
    }

    /** The largest fragment we send: our max_xmit_frag capped by the server's max_recv_frag. */
    public int maxXmitFrag() {
        return maxXmitFrag;
    }

    public int assocGroupId() {
        return assocGroupId;
    }

    public boolean isAuthenticated() {
        return auth.isPresent();
    }

    /** Between calls: not broken, and the channel still open at the peer's end too. */
    public boolean isAlive() {
        if (!broken && !channel.isAlive()) {
            broken = true;
        }
        return !broken;
    }

    @Override
    public void close() throws IOException {
        broken = true;
        channel.close();
    }

    private static void closeAfter(RpcByteChannel channel, Exception failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
