package org.cews.wcce.cmc;

/**
 * A request the enrollment agent cannot sign, or a credential it cannot sign with. Messages read
 * {@code what (expected: X, actual: Y)}.
 */
public final class OnBehalfOfException extends Exception {

    private static final long serialVersionUID = 1L;

    public OnBehalfOfException(String message) {
        super(message);
    }

    public OnBehalfOfException(String message, Throwable cause) {
        super(message, cause);
    }
}
