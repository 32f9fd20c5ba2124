package org.cews.wcce.api;

/**
 * One pooled, authenticated RPC connection to the CA ([MS-ICPR] over ncacn_ip_tcp at packet
 * privacy), borrowed from {@link CaConnectionFactory}. Closing it returns it to the pool.
 */
public interface CaConnection extends AutoCloseable {

    /** The CA endpoint this connection is bound to, as {@code host:port}. */
    String endpoint() throws CaException;

    /** Submits a new request (CertServerRequest with request id 0). */
    EnrollmentResult submit(EnrollmentRequest request) throws CaException;

    /**
     * Asks for the state of an earlier request (status inspection, [MS-WCCE] 3.2.1.4.2.1.4.1.3):
     * issued with its certificate, still pending, or denied.
     */
    EnrollmentResult retrieve(int requestId, boolean fullResponse) throws CaException;

    @Override
    void close() throws CaException;
}
