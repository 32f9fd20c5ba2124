package org.cews.wcce.msrpce;

/**
 * The peer broke the connection-oriented RPC protocol ([MS-RPCE] 3.3), refused the association, or
 * answered a call with a fault. Security failures are {@link RpcSecurityException} instead; transport
 * failures stay {@link java.io.IOException}.
 */
public class RpcException extends Exception {

    private static final long serialVersionUID = 1L;

    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
