package org.cews.policy.ldap;

/**
 * The directory could not be used: no domain controller reachable, bind refused, a search failed
 * or timed out, the rootDSE lacks what AD always has. The message names what was tried and what
 * the server (or the network) said; it never carries a password.
 */
public class DirectoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DirectoryException(String message) {
        super(message);
    }

    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
