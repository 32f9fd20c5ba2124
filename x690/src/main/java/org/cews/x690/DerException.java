package org.cews.x690;

/**
 * Bytes refused by {@link BoundedDer} or {@link Tlv}: too long, nested too deep, or not the
 * encoding expected at an offset. Checked, so a caller cannot forget hostile input.
 */
public final class DerException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which bound or rule refused the bytes. */
    public enum Reason {
        /** Longer than {@link DerLimits#maxLength()}. */
        TOO_LONG,
        /** More than {@link DerLimits#maxDepth()} levels. */
        TOO_DEEP,
        /** Not a (B|D)ER encoding within its container at {@link #offset()}. */
        MALFORMED
    }

    private final Reason reason;
    private final int offset;
    private final String detail;

    DerException(Reason reason, int offset, String detail, String message) {
        super(message);
        this.reason = reason;
        this.offset = offset;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** Where in the input the walk stopped (0 for a refused length). */
    public int offset() {
        return offset;
    }

    /** What was expected and found, without the ID and the name of the input. */
    public String detail() {
        return detail;
    }
}
