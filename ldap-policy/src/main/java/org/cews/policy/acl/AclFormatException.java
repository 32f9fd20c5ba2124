package org.cews.policy.acl;

/**
 * A SID, GUID, ACE, ACL or security descriptor could not be decoded ([MS-DTYP] 2.4). The message
 * is stable and says what, in the form {@code what (expected: X, actual: Y)}; hostile or truncated
 * bytes always end here, never in a RuntimeException.
 */
public class AclFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public AclFormatException(String message) {
        super(message);
    }
}
