package org.cews.wcce.msrpce;

/**
 * The server refused the association: a bind_nak ([MS-RPCE] 2.2.2.9), or a bind_ack or
 * alter_context_resp that did not accept the presentation context ([MS-RPCE] 3.3.1.5.6).
 */
public class BindRejectedException extends RpcException {

    private static final long serialVersionUID = 1L;

    public BindRejectedException(String message) {
        super(message);
    }
}
