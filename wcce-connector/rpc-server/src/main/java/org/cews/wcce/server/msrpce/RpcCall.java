package org.cews.wcce.server.msrpce;

import java.util.Optional;
import java.util.UUID;

/**
 * One reassembled, unsealed request as a server handler sees it (C706 12.6.4.9): the opnum, the
 * NDR-encoded stub, the object UUID if the client sent one, and who called (empty on an
 * unauthenticated call).
 */
public record RpcCall(int opnum, byte[] stub, Optional<UUID> object, Optional<RpcPrincipal> caller) {}
