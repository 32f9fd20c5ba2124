package org.cews.wcce.server.msrpce;

import java.util.Optional;
import org.cews.wcce.msrpce.BindNakPdu;
import org.cews.wcce.msrpce.BindNakReason;
import org.cews.wcce.msrpce.BindRejectedException;
import org.cews.wcce.msrpce.FaultPdu;
import org.cews.wcce.msrpce.FaultStatus;
import org.cews.wcce.msrpce.Pdu;
import org.cews.wcce.msrpce.PfcFlag;
import org.cews.wcce.msrpce.PfcFlags;
import org.cews.wcce.msrpce.RpcException;
import org.cews.wcce.msrpce.RpcFaultException;

/**
 * Inside the server: a PDU the connection must refuse, with the reply to send (a bind_nak or a
 * fault) before it closes; {@link #toException()} is what {@link RpcServer#serve} then throws.
 */
final class ServerRejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Pdu reply;

    private ServerRejection(Pdu reply, String message) {
        super(message);
        this.reply = reply;
    }

    static ServerRejection nak(int callId, BindNakReason reason, String message) {
        return new ServerRejection(
                new BindNakPdu(callId, PfcFlags.FIRST_AND_LAST, reason, BindNakPdu.V5_0),
                message + ": bind_nak " + reason);
    }

    /** A fault flagged PFC_DID_NOT_EXECUTE: nothing of the call ran. */
    static ServerRejection fault(int callId, FaultStatus status, String message) {
        PfcFlags flags = PfcFlags.FIRST_AND_LAST.with(PfcFlag.DID_NOT_EXECUTE);
        return new ServerRejection(
                new FaultPdu(callId, flags, 0, 0, 0, status, Optional.empty()), message + ": fault " + status);
    }

    Pdu reply() {
        return reply;
    }

    RpcException toException() {
        return reply instanceof FaultPdu f
                ? new RpcFaultException(f.status(), getMessage())
                : new BindRejectedException(getMessage());
    }
}
