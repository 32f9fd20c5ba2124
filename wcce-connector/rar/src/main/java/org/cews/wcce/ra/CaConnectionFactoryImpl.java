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
        return allocate(CaRequestInfo.SERVICE);
    }

    @Override
    public CaConnection getConnection(String userPrincipal) throws CaException {
        if (userPrincipal == null || userPrincipal.isBlank()) {
            throw new CaException("impersonation needs the user's principal name");
        }
        return allocate(new CaRequestInfo(userPrincipal));
    }

    private CaConnection allocate(CaRequestInfo info) throws CaException {
        try {
            return (CaConnection) manager.allocateConnection(factory, info);
        } catch (ResourceException e) {
            String as = info.impersonates() ? " as " + info.userPrincipal() : "";
            throw new CaException("no connection to CA " + caName() + as + ": " + e.getMessage(), e);
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
