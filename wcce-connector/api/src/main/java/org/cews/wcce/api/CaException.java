package org.cews.wcce.api;

/**
 * The CA could not be reached or refused the call; the message says which CA and why (never a
 * password or key), and {@link #kind()} says which kind of failure it was, so that the CES can
 * choose its SOAP fault and audit line without reading the message. A call that failed at
 * several CAs for reasons of different kinds is {@link Kind#UNREACHABLE}.
 */
public class CaException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure kept the call from a CA's answer. */
    public enum Kind {
        /**
         * Authentication was refused or could not be done: by the KDC (no ticket for the
         * connector's account, or S4U impersonation of the user refused) or by the CA (a bind or
         * logon refused). The message names whom the connector authenticated as.
         */
        AUTHENTICATION,
        /**
         * No CA could be reached: no TCP connection, no answer from the endpoint mapper, a broken
         * association, RPC_S_SERVER_UNAVAILABLE, or every CA skipped after such a failure. Also a
         * KDC that cannot be reached. Worth trying again later. The request reached no CA.
         */
        UNREACHABLE,
        /** The connection definition lacks what the call needs (a property, a keytab, a key store). */
        CONFIGURATION,
        /**
         * The request may have reached the CA named in the message, but no answer that can be
         * trusted came back (a read timeout, a connection broken after the request went out, a
         * fault PDU that nobody can verify on a sealed association). The CA may have issued, pended
         * or denied it: the request was not sent to another CA, so that two CAs never issue for one
         * request. Look the request up at that CA (or submit it again there) before trying elsewhere.
         */
        OUTCOME_UNKNOWN,
        /**
         * Anything else: a fault the CA answered about this call, a bad argument, a closed
         * connection, a pool with no free connection.
         */
        OTHER
    }

    private final Kind kind;

    /** A failure of kind {@link Kind#OTHER}. */
    public CaException(String message) {
        this(Kind.OTHER, message, null);
    }

    /** A failure of kind {@link Kind#OTHER}. */
    public CaException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public CaException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        if (kind == null) {
            throw new IllegalArgumentException("a CaException needs a kind (actual: null)");
        }
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
