package org.cews.wcce.api;

/** The CA could not be reached or refused the call; the message says which and why. */
public class CaException extends Exception {

    private static final long serialVersionUID = 1L;

    public CaException(String message) {
        super(message);
    }

    public CaException(String message, Throwable cause) {
        super(message, cause);
    }
}
