package org.cews.wcce.server.msrpce;

import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;
import org.cews.wcce.msrpce.AlterContextPdu;
import org.cews.wcce.msrpce.Auth3Pdu;
import org.cews.wcce.msrpce.AuthBinding;
import org.cews.wcce.msrpce.BindPdu;
import org.cews.wcce.msrpce.CommonHeader;
import org.cews.wcce.msrpce.FaultPdu;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.FrameReader;
import org.cews.wcce.msrpce.PacketType;
import org.cews.wcce.msrpce.Pdu;
import org.cews.wcce.msrpce.PduDecoder;
import org.cews.wcce.msrpce.PduEncoder;
import org.cews.wcce.msrpce.PduException;
import org.cews.wcce.msrpce.RpcByteChannel;
import org.cews.wcce.msrpce.RpcException;
import org.cews.wcce.msrpce.RpcFaultException;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.msrpce.StubFragmenter;
import org.cews.wcce.msrpce.StubReassembler;

/**
 * One server connection ([MS-RPCE] 3.3.3; C706 12.6.4): a bind first, then in any order auth3,
 * alter_context and requests, each request reassembled, unsealed, handed to its interface's
 * handler and answered with a response fragmented and sealed under the client's max_recv_frag (or
 * a fault). A refused bind, a broken protocol or a refused security check ends the connection
 * after the bind_nak or fault; a handler's fault does not. co_cancel and orphaned are ignored.
 */
final class RpcServerConnection {

    private final RpcServer server;
    private final RpcByteChannel channel;
    private final ServerAssociation association;

    RpcServerConnection(RpcServer server, RpcByteChannel channel) {
        this.server = server;
        this.channel = channel;
        this.association = new ServerAssociation(server);
    }

    void run() throws IOException, RpcException {
        boolean bound = false;
        byte[] frame;
        while ((frame = next()) != null) {
            CommonHeader h = CommonHeader.decode(frame);
            try {
                if (!bound && !h.type().equals(PacketType.BIND)) {
                    throw protocolError(h, "first PDU (expected: bind, actual: " + h.type() + ")");
                }
                switch (h.type().code()) {
                    case 11 -> {
                        if (bound) {
                            throw protocolError(h, "bind (expected: once per connection, actual: again)");
                        }
                        write(association.bind((BindPdu) decode(h, frame)));
                        bound = true;
                    }
                    case 14 -> write(association.alterContext((AlterContextPdu) decode(h, frame)));
                    case 16 -> association.auth3((Auth3Pdu) decode(h, frame));
                    case 0 -> request(h, frame);
                    case 18, 19 -> {
                        // co_cancel, orphaned: nothing runs asynchronously here, so nothing to cancel.
                    }
                    default -> throw protocolError(h, "PTYPE (expected: a client PDU, actual: " + h.type() + ")");
                }
            } catch (ServerRejection r) {
                write(r.reply());
                throw r.toException();
            }
        }
    }

    /** The next fragment, or null when the client closed the connection between PDUs. */
    private byte[] next() throws IOException, PduException {
        try {
            return FrameReader.read(channel, association.maxRecvFrag());
        } catch (EOFException e) {
            return null;
        }
    }

    private void request(CommonHeader h, byte[] first) throws IOException, ServerRejection {
        int callId = h.callId();
        Optional<AuthBinding> auth = association.callSecurity(callId, h, first);
        StubReassembler request = StubReassembler.forRequest(server.limits().maxStubLength(), auth);
        try {
            byte[] frame = first;
            while (!request.add(frame)) {
                frame = FrameReader.read(channel, association.maxRecvFrag());
            }
        } catch (PduException e) {
            throw ServerRejection.fault(callId, FaultStatus.PROTO_ERROR, e.getMessage());
        } catch (RpcSecurityException e) {
            throw ServerRejection.fault(callId, FaultStatus.SEC_PKG_ERROR, e.getMessage());
        }
        RpcInterface target = association.interfaceFor(callId, request.contextId(), auth.isPresent());
        RpcCall call = new RpcCall(
                request.opnum(), request.stub(), request.object(), association.caller(callId, auth.isPresent()));
        byte[] response;
        try {
            response = target.handler().handle(call);
        } catch (RpcFaultException e) {
            write(FaultPdu.of(callId, request.contextId(), e.status()));
            return;
        }
        try {
            StubFragmenter.response(
                    callId, request.contextId(), response, association.maxXmitFrag(), auth, channel::write);
        } catch (RpcSecurityException e) {
            throw ServerRejection.fault(callId, FaultStatus.SEC_PKG_ERROR, e.getMessage());
        }
    }

    private static Pdu decode(CommonHeader h, byte[] frame) throws ServerRejection {
        try {
            return PduDecoder.decode(frame);
        } catch (PduException e) {
            throw ServerRejection.fault(h.callId(), FaultStatus.PROTO_ERROR, e.getMessage());
        }
    }

    private static ServerRejection protocolError(CommonHeader h, String message) {
        return ServerRejection.fault(h.callId(), FaultStatus.PROTO_ERROR, message);
    }

    private void write(Pdu pdu) throws IOException {
        channel.write(PduEncoder.encode(pdu));
    }
}
