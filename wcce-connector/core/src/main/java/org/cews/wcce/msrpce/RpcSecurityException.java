package org.cews.wcce.msrpce;

/**
 * A security provider refused or could not process a token or a protected PDU: bad signature,
 * wrong sequence number, malformed token, failed logon. The message says what, in the form
 * {@code what (expected: X, actual: Y)} where that applies.
 */
public class RpcSecurityException extends Exception {

    private static final long serialVersionUID = 1L;

    public RpcSecurityException(String message) {
        super(message);
    }

    public RpcSecurityException(String message, Throwable cause) {
        super(message, cause);
    }
}
