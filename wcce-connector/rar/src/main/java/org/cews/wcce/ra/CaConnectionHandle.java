package org.cews.wcce.ra;

import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;

/**
 * The container's handle on one pooled connection to one CA; {@link FailoverConnection} holds it
 * for one call. Invalid once closed or reclaimed.
 */
public final class CaConnectionHandle implements CaConnection {

    private volatile CaManagedConnection owner;

    CaConnectionHandle(CaManagedConnection owner) {
        this.owner = owner;
    }

    CaManagedConnection owner() {
        return owner;
    }

    void reassign(CaManagedConnection newOwner) {
        this.owner = newOwner;
    }

    void invalidate() {
        this.owner = null;
    }

    private CaManagedConnection live() throws CaException {
        CaManagedConnection current = owner;
        if (current == null) {
            throw new CaException("this CA connection was closed or returned to the pool");
        }
        return current;
    }

    @Override
    public String endpoint() throws CaException {
        return live().session().endpoint();
    }

    /** A request marked {@code onBehalfOf} goes to the CA signed by the enrollment agent. */
    @Override
    public EnrollmentResult submit(EnrollmentRequest request) throws CaException {
        CaManagedConnection connection = live();
        EnrollmentRequest toCa =
                request.isOnBehalfOf() ? connection.factory().enrollmentAgent().sign(request) : request;
        try {
            return connection.session().submit(toCa);
        } catch (CaException e) {
            reportIfBroken(connection, e);
            throw e;
        }
    }

    /** Retrieval on this connection's CA, which must be {@code caName}: a request id is one CA's. */
    @Override
    public EnrollmentResult retrieve(String caName, int requestId, boolean fullResponse) throws CaException {
        String connected = live().identity().ca().name();
        if (!connected.equalsIgnoreCase(caName)) {
            throw new CaException("request " + requestId + " of CA " + caName + " cannot be retrieved from CA "
                    + connected + " (this connection's)");
        }
        return retrieve(requestId, fullResponse);
    }

    @Override
    public EnrollmentResult retrieve(int requestId, boolean fullResponse) throws CaException {
        CaManagedConnection connection = live();
        try {
            return connection.session().retrieve(requestId, fullResponse);
        } catch (CaException e) {
            reportIfBroken(connection, e);
            throw e;
        }
    }

    private static void reportIfBroken(CaManagedConnection connection, CaException e) {
        if (!connection.isUsable()) {
            connection.sessionFailed(e);
        }
    }

    @Override
    public void close() {
        CaManagedConnection current = owner;
        if (current != null) {
            owner = null;
            current.handleClosed(this);
        }
    }
}
