package org.cews.lab.rpc;

import java.util.Optional;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.msrpce.PduProtection;
import org.cews.wcce.msrpce.RpcSecurityException;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.cews.wcce.server.msrpce.ServerSecurityContext;

/** A server security context that hands every call to another; wrappers override what they watch. */
abstract class ForwardingSecurityContext implements ServerSecurityContext {

    protected final ServerSecurityContext delegate;

    ForwardingSecurityContext(ServerSecurityContext delegate) {
        this.delegate = delegate;
    }

    @Override
    public AuthType authType() {
        return delegate.authType();
    }

    @Override
    public Optional<byte[]> accept(byte[] clientToken) throws RpcSecurityException {
        return delegate.accept(clientToken);
    }

    @Override
    public boolean isEstablished() {
        return delegate.isEstablished();
    }

    @Override
    public RpcPrincipal principal() throws RpcSecurityException {
        return delegate.principal();
    }

    @Override
    public PduProtection protection() throws RpcSecurityException {
        return delegate.protection();
    }
}
