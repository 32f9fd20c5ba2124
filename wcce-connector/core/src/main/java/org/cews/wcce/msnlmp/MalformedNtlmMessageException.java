package org.cews.wcce.msnlmp;

/**
 * An NTLM message or structure that does not decode ([MS-NLMP] 2.2): wrong signature or type,
 * a length or offset outside the message, a broken AV_PAIR list. The message has the form
 * {@code what (expected: X, actual: Y)}.
 */
public class MalformedNtlmMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedNtlmMessageException(String message) {
        super(message);
    }
}
