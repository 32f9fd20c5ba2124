package org.cews.soap.auth;

/**
 * The caller could not be authenticated. The kind decides the answer: a refused credential is a
 * 403 (transport modes) or a SOAP fault (UsernameToken), never a 401 challenge on a
 * UsernamePassword endpoint; a directory or KDC that cannot be reached now is HTTP 503, which
 * certmonger retries (docs/REAL-CLIENTS.md).
 */
public class AuthenticationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why authentication failed. */
    public enum Kind {
        /** No credential of the endpoint's mode was presented. */
        MISSING,
        /** The credential was wrong, expired, untrusted or maps to no account. */
        REFUSED,
        /** Too many recent failures for this account and source: try later. */
        RATE_LIMITED,
        /** The directory or KDC needed to check the credential cannot be reached now. */
        UNAVAILABLE
    }

    private final Kind kind;

    public AuthenticationException(Kind kind, String message) {
        this(kind, message, null);
    }

    public AuthenticationException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        if (kind == null) {
            throw new IllegalArgumentException("an AuthenticationException needs a kind (actual: null)");
        }
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
