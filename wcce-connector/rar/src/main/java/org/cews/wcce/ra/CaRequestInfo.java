package org.cews.wcce.ra;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * Whose connection is asked for: a user to impersonate, or nobody (the connector's own account).
 * The pool keeps connections apart by this value (Connectors 2.1 §9.1.9), so one user's
 * authenticated association is never lent to another.
 */
record CaRequestInfo(String userPrincipal) implements ConnectionRequestInfo {

    static final CaRequestInfo SERVICE = new CaRequestInfo(null);

    static CaRequestInfo of(ConnectionRequestInfo info) {
        return info instanceof CaRequestInfo cri ? cri : SERVICE;
    }

    boolean impersonates() {
        return userPrincipal != null;
    }
}
