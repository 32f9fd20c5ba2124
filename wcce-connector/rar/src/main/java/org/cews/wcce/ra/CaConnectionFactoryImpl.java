package org.cews.wcce.ra;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;
import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaConnectionFactory;
import org.cews.wcce.api.CaException;

/**
 * The object bound in JNDI for the CES. Its connections ({@link FailoverConnection}) borrow a
 * pooled connection to one CA per call, choosing the CA by priority and availability.
 */
public final class CaConnectionFactoryImpl implements CaConnectionFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final CaManagedConnectionFactory factory;
    private final transient ConnectionManager manager;
    private Reference reference;

    CaConnectionFactoryImpl(CaManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public String caName() {
        return factory.advertisedCaName();
    }

    @Override
    public CaConnection getConnection() {
        return new FailoverConnection(this, CaRequestInfo.SERVICE);
    }

    @Override
    public CaConnection getConnection(String userPrincipal) throws CaException {
        if (userPrincipal == null || userPrincipal.isBlank()) {
            throw new CaException("impersonation needs the user's principal name");
        }
        return new FailoverConnection(this, new CaRequestInfo(userPrincipal));
    }

    CaManagedConnectionFactory managedFactory() {
        return factory;
    }

    /** A pooled connection to {@code info.ca()} as {@code info}'s identity. */
    CaConnectionHandle allocate(CaRequestInfo info) throws ResourceException {
        return (CaConnectionHandle) manager.allocateConnection(factory, info);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
