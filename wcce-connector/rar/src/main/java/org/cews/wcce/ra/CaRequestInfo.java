package org.cews.wcce.ra;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * Whose connection is asked for, and to which CA: a user to impersonate or nobody (the
 * connector's own account), and one of the configured CAs, or {@code null} for whichever answers
 * first (the container's own test and prefill ask without a request info). The pool keeps
 * connections apart by this value (Connectors 2.1 §9.1.9), so one user's authenticated
 * association is never lent to another, nor a connection to one CA used for another.
 */
record CaRequestInfo(String userPrincipal, ConfiguredCa ca) implements ConnectionRequestInfo {

    static final CaRequestInfo SERVICE = new CaRequestInfo(null, null);

    CaRequestInfo(String userPrincipal) {
        this(userPrincipal, null);
    }

    static CaRequestInfo of(ConnectionRequestInfo info) {
        return info instanceof CaRequestInfo cri ? cri : SERVICE;
    }

    boolean impersonates() {
        return userPrincipal != null;
    }

    /** The same identity, toward {@code target}. */
    CaRequestInfo at(ConfiguredCa target) {
        return new CaRequestInfo(userPrincipal, target);
    }

    /** Whether a connection made for {@code made} serves this request: same identity, same CA if one is named. */
    boolean isServedBy(CaRequestInfo made) {
        return java.util.Objects.equals(userPrincipal, made.userPrincipal) && (ca == null || ca.equals(made.ca));
    }
}
