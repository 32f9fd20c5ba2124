package org.cews.wcce.api;

/**
 * Authenticated RPC connections to the configured CAs ([MS-ICPR] over ncacn_ip_tcp at packet
 * privacy), borrowed from {@link CaConnectionFactory}: each call takes a pooled connection to one
 * CA and gives it back. Closing this object ends its use.
 */
public interface CaConnection extends AutoCloseable {

    /**
     * The endpoint ({@code host:port}) of the CA that answered the last call; before any call,
     * that of the CA a submission would go to now (connecting to it, so this is also a
     * reachability check).
     */
    String endpoint() throws CaException;

    /**
     * Submits a new request (CertServerRequest with request id 0) to the CA of highest priority
     * that is reachable; a CA that cannot be reached is skipped for the others. A CA's answer,
     * a denial included, is final: it is never submitted to another CA.
     */
    EnrollmentResult submit(EnrollmentRequest request) throws CaException;

    /**
     * Asks CA {@code caName} (a {@link EnrollmentResult.Pending#caName()}) for the state of an
     * earlier request (status inspection, [MS-WCCE] 3.2.1.4.2.1.4.1.3): issued with its
     * certificate, still pending, or denied. Only that CA is asked: if it is unknown or cannot be
     * reached, the answer is a {@link CaException}.
     */
    EnrollmentResult retrieve(String caName, int requestId, boolean fullResponse) throws CaException;

    /**
     * As {@link #retrieve(String, int, boolean)} on the factory's own CA,
     * {@link CaConnectionFactory#caName()}: right when only one CA is configured.
     */
    EnrollmentResult retrieve(int requestId, boolean fullResponse) throws CaException;

    @Override
    void close() throws CaException;
}
