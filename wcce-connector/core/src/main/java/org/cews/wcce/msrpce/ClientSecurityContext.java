package org.cews.wcce.msrpce;

import java.util.Optional;

/**
 * The client side of one security context on an RPC association ([MS-RPCE] 3.3.1.5.2): produces
 * the tokens of the bind, then of the third leg, then protects calls.
 *
 * <pre>
 *   bind            initialToken()
 *   bind_ack        nextToken(server's token)   -> the third-leg token, or empty if established
 *   auth3 or alter_context, as thirdLeg() says; an alter_context_resp token goes to nextToken again
 * </pre>
 */
public interface ClientSecurityContext {

    /** How the third leg travels. */
    enum ThirdLeg {
        /** rpc_auth3: no reply (NTLM; Kerberos also accepted by Samba). */
        AUTH3,
        /** alter_context: the server answers with alter_context_resp. */
        ALTER_CONTEXT
    }

    AuthType authType();

    ThirdLeg thirdLeg();

    /** The auth_value of the bind. */
    byte[] initialToken() throws RpcSecurityException;

    /** Given the server's token, the next token to send, or empty when the context is established. */
    Optional<byte[]> nextToken(byte[] serverToken) throws RpcSecurityException;

    boolean isEstablished();

    /** The protection of calls; only once established. */
    PduProtection protection() throws RpcSecurityException;
}
