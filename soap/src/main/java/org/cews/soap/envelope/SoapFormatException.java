package org.cews.soap.envelope;

/**
 * The request is not an envelope this layer can read: not XML, not SOAP 1.2, a DTD, too large, a
 * header it cannot use. The message is for the client (a Sender fault's Reason), so it names what
 * was expected and what came, never a stack trace.
 */
public class SoapFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean versionMismatch;

    public SoapFormatException(String message) {
        this(message, false);
    }

    private SoapFormatException(String message, boolean versionMismatch) {
        super(message);
        this.versionMismatch = versionMismatch;
    }

    /** A SOAP envelope of another version: SOAP 1.2 Part 1 §5.4.6 VersionMismatch. */
    public static SoapFormatException versionMismatch(String message) {
        return new SoapFormatException(message, true);
    }

    public boolean versionMismatch() {
        return versionMismatch;
    }
}
