package org.cews.wcce.ra;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;
import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaConnectionFactory;
import org.cews.wcce.api.CaException;

/** The object bound in JNDI for the CES: it borrows connections from the container's pool. */
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
        return factory.getCaName();
    }

    @Override
    public CaConnection getConnection() throws CaException {
        try {
            return (CaConnection) manager.allocateConnection(factory, null);
        } catch (ResourceException e) {
            throw new CaException("no connection to CA " + caName() + ": " + e.getMessage(), e);
        }
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
