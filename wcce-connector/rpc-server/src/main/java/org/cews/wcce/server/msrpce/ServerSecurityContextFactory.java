package org.cews.wcce.server.msrpce;

import java.util.Optional;
import org.cews.wcce.msrpce.AuthType;

/**
 * Makes a fresh {@link ServerSecurityContext} for the auth_type a client binds with
 * ([MS-RPCE] 3.3.1.5.2.1); empty for a type the server does not support, which the server answers
 * with bind_nak reason authentication_type_not_recognized ([MS-RPCE] 2.2.2.5).
 */
@FunctionalInterface
public interface ServerSecurityContextFactory {

    Optional<ServerSecurityContext> newContext(AuthType authType);

    /** No authentication at all: every authenticated bind is refused. */
    static ServerSecurityContextFactory none() {
        return type -> Optional.empty();
    }
}
