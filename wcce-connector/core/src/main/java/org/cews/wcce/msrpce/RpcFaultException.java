package org.cews.wcce.msrpce;

/**
 * The server answered a call (or an alter_context) with a fault PDU ([MS-RPCE] 2.2.2.8); the
 * association may still be usable, unless the server closes it.
 */
public class RpcFaultException extends RpcException {

    private static final long serialVersionUID = 1L;

    private final FaultStatus status;

    public RpcFaultException(FaultStatus status) {
        this(status, "fault " + status);
    }

    public RpcFaultException(FaultStatus status, String message) {
        super(message);
        this.status = status;
    }

    public FaultStatus status() {
        return status;
    }
}
