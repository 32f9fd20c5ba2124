package org.cews.wcce.server.msrpce;

import java.util.Optional;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;

/**
 * The server side of one security context on an RPC association: accepts the client's tokens
 * (from bind, alter_context or auth3), says who the caller is, and protects calls.
 */
public interface ServerSecurityContext {

    AuthType authType();

    /** Processes a client token; returns the token for bind_ack or alter_context_resp, if any. */
    Optional<byte[]> accept(byte[] clientToken) throws RpcSecurityException;

    boolean isEstablished();

    /** The authenticated caller; only once established. */
    RpcPrincipal principal() throws RpcSecurityException;

    /** The protection of calls; only once established. */
    PduProtection protection() throws RpcSecurityException;
}
