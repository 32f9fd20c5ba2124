package org.cews.wcce.kerberos.asn1;

/**
 * Bytes that are not the DER this codec expects: truncated, over-long, wrongly tagged or out of
 * range. The message says what, in the form {@code what (expected: X, actual: Y)}.
 */
public class DerException extends Exception {

    private static final long serialVersionUID = 1L;

    public DerException(String message) {
        super(message);
    }
}
