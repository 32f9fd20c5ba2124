package org.cews.wcce.msrpce;

/**
 * The server answered a call (or an alter_context) with a fault PDU ([MS-RPCE] 2.2.2.8); the
 * association may still be usable, unless the server closes it.
 */
public class RpcFaultException extends RpcException {

    private static final long serialVersionUID = 1L;

    private final FaultStatus status;
    private final boolean unverified;

    public RpcFaultException(FaultStatus status) {
        this(status, "fault " + status);
    }

    public RpcFaultException(FaultStatus status, String message) {
        this(status, message, false);
    }

    /** {@code unverified}: see {@link #unverified()}. */
    public RpcFaultException(FaultStatus status, String message, boolean unverified) {
        super(message);
        this.status = status;
        this.unverified = unverified;
    }

    public FaultStatus status() {
        return status;
    }

    /**
     * True when the fault arrived on an association with packet privacy without a verified
     * sec_trailer: servers send faults unauthenticated ([MS-RPCE] 2.2.2.8 makes the verifier
     * optional, and after a failed logon there is no key to make one), so anyone on the path could
     * have written it, and its status proves nothing about what became of the call.
     */
    public boolean unverified() {
        return unverified;
    }
}
