package org.cews.wcce.api;

/**
 * One pooled connection to the CA, borrowed from {@link CaConnectionFactory}. Closing it returns
 * it to the pool.
 *
 * <p>Today the connection is the TCP transport only; the MS-ICPR calls (submit, retrieve) are
 * added with the RPC client.
 */
public interface CaConnection extends AutoCloseable {

    /** The CA endpoint this connection is open to, as {@code host:port}. */
    String endpoint() throws CaException;

    @Override
    void close() throws CaException;
}
