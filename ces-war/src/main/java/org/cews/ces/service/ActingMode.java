package org.cews.ces.service;

/**
 * How the CES acts toward the CA for a caller (docs/ARCHITECTURE.md §4.2; docs/WSTEP.md §7). Chosen by
 * configuration ({@code cews.ces.actingMode}).
 */
public enum ActingMode {
    /**
     * The connector authenticates as its own account and signs each new request with its
     * Enrollment Agent certificate on behalf of the caller ({@code onBehalfOf(DOMAIN\sam)}): the
     * CA builds the subject from the caller's account. AD needs: an Enrollment Agent certificate
     * for the CES account, the template's "this number of authorized signatures" = 1 with the
     * Certificate Request Agent application policy, and enrollment-agent restrictions on the CA
     * that allow the CES account for the callers and templates.
     */
    ENROLLMENT_AGENT,
    /**
     * The connector authenticates as the caller by S4U2Self + S4U2Proxy ({@code
     * getConnection(sam@REALM)}): the CA sees the caller. AD needs: constrained delegation with
     * protocol transition from the CES account to the CA's RPCSS/HOST service, and the caller
     * not marked "sensitive and cannot be delegated".
     */
    IMPERSONATION
}
