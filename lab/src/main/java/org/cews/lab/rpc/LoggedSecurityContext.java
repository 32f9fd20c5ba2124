package org.cews.lab.rpc;

import java.util.Optional;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.msrpce.ServerSecurityContext;

/** A server security context that logs one line when it authenticates someone and one when it refuses. */
final class LoggedSecurityContext extends ForwardingSecurityContext {

    private static final System.Logger LOG = System.getLogger(LabSecurity.class.getName());

    LoggedSecurityContext(ServerSecurityContext delegate) {
        super(delegate);
    }

    @Override
    public Optional<byte[]> accept(byte[] clientToken) throws RpcSecurityException {
        boolean before = delegate.isEstablished();
        try {
            Optional<byte[]> reply = delegate.accept(clientToken);
            if (!before && delegate.isEstablished()) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "LAB0402 bind: {0} authenticated by {1}",
                        delegate.principal(),
                        name(authType()));
            }
            return reply;
        } catch (RpcSecurityException e) {
            LOG.log(System.Logger.Level.INFO, "LAB0403 bind refused ({0}): {1}", name(authType()), e.getMessage());
            throw e;
        }
    }

    static String name(AuthType type) {
        if (type.equals(AuthType.NTLM)) {
            return "NTLM";
        }
        if (type.equals(AuthType.KERBEROS)) {
            return "Kerberos";
        }
        if (type.equals(AuthType.SPNEGO)) {
            return "SPNEGO/Kerberos";
        }
        return "unknown";
    }
}
