package org.cews.wcce.api;

/**
 * Where the CES gets connections to one certification authority. The resource adapter binds an
 * implementation in JNDI ({@link #JNDI_NAME} in the default configuration); the CES looks it up
 * with {@code @Resource(lookup = ...)}.
 */
public interface CaConnectionFactory {

    /** The JNDI name that deploy/cli/configure-connector.cli gives the connection definition. */
    String JNDI_NAME = "java:/eis/cews/CaConnectionFactory";

    /**
     * The CA's name as AD CS knows it (the {@code cn} of its pKIEnrollmentService object). It is
     * the {@code <CA name>} in the CES URLs {@code <CA name>_CES_<auth>/service.svc/CES}. With
     * several CAs configured, it is the configured {@code CaName}, or else the name of the CA of
     * highest priority.
     */
    String caName();

    /**
     * A connection that authenticates to the CA as the connector's own account (enrollment-agent
     * mode, docs/ARCHITECTURE.md §4.2b). Close it to give it back to the pool.
     */
    CaConnection getConnection() throws CaException;

    /**
     * A connection that authenticates to the CA as {@code userPrincipal} (for example
     * {@code alice@EXAMPLE.COM}), by Kerberos constrained delegation with protocol transition:
     * S4U2Self and S4U2Proxy from the connector's keytab (impersonation mode, docs/ARCHITECTURE.md
     * §4.2a). The CA then checks Enroll for that user. Connections are pooled per user.
     */
    CaConnection getConnection(String userPrincipal) throws CaException;
}
