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
     * the {@code <CA name>} in the CES URLs {@code <CA name>_CES_<auth>/service.svc/CES}.
     */
    String caName();

    /** A connection from the pool; close it to give it back. */
    CaConnection getConnection() throws CaException;
}
