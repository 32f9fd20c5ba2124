package org.cews.wcce.server.msrpce;

import org.cews.wcce.msrpce.SyntaxId;

/**
 * An interface a server offers ([MS-RPCE] 3.3.1.5.6): its abstract syntax (UUID and version), its
 * handler, and whether calls must come sealed at packet privacy. Only the endpoint mapper is
 * offered without authentication.
 */
public record RpcInterface(SyntaxId abstractSyntax, boolean requirePrivacy, RpcCallHandler handler) {

    /** Calls are refused unless sealed at RPC_C_AUTHN_LEVEL_PKT_PRIVACY. */
    public static RpcInterface authenticated(SyntaxId abstractSyntax, RpcCallHandler handler) {
        return new RpcInterface(abstractSyntax, true, handler);
    }

    /** Calls are accepted with or without authentication. */
    public static RpcInterface unauthenticated(SyntaxId abstractSyntax, RpcCallHandler handler) {
        return new RpcInterface(abstractSyntax, false, handler);
    }
}
