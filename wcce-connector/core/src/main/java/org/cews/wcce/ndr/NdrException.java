package org.cews.wcce.ndr;

/**
 * A stub that does not decode: truncated, a count larger than the bytes left, an inconsistent
 * conformant-varying header, a missing string terminator, bytes left over. The message has the
 * stable form {@code what (expected: X, actual: Y)}; tests assert it.
 */
public class NdrException extends Exception {

    private static final long serialVersionUID = 1L;

    public NdrException(String message) {
        super(message);
    }

    /** {@code what (expected: X, actual: Y)}. */
    public static NdrException mismatch(String what, Object expected, Object actual) {
        return new NdrException(what + " (expected: " + expected + ", actual: " + actual + ")");
    }
}
