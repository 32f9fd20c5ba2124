package org.cews.ces.service;

/** What became of one request, as the audit line says it. */
public enum Disposition {
    /** The CA issued the certificate. */
    ISSUED,
    /** The CA holds the request for an officer. */
    PENDING,
    /** The CA denied the request. */
    DENIED,
    /** The CES refused the request before the CA saw it (bad request, policy, signature). */
    REFUSED,
    /** The CA, the connector's pool or the directory cannot serve now: HTTP 503, the client retries. */
    TRANSIENT
}
