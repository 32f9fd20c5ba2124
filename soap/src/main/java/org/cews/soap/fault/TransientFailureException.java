package org.cews.soap.fault;

/**
 * Something the service needs (the directory, the CA, a pool) cannot be used now but may be soon:
 * the answer is HTTP 503 with no SOAP body, which certmonger retries, while a fault would park the
 * request as rejected for good (docs/REAL-CLIENTS.md §3; docs/adr/0002). The message is
 * for the log.
 */
public class TransientFailureException extends Exception {

    private static final long serialVersionUID = 1L;

    public TransientFailureException(String message) {
        super(message);
    }

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
