package org.cews.wcce.msrpce;

/**
 * A PDU that cannot be decoded or does not fit the protocol state (C706 12.6; [MS-RPCE] 2.2.2).
 * Messages read {@code what (expected: X, actual: Y)} and are part of the test contract.
 */
public class PduException extends RpcException {

    private static final long serialVersionUID = 1L;

    public PduException(String message) {
        super(message);
    }

    /** {@code what (expected: X, actual: Y)}. */
    public static PduException mismatch(String what, Object expected, Object actual) {
        return new PduException(what + " (expected: " + expected + ", actual: " + actual + ")");
    }
}
