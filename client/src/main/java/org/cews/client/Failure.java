package org.cews.client;

/** What kind of failure a {@link ClientMessage} reports; the command maps each to an exit code. */
public enum Failure {
    /** A note or a progress line, not a failure. */
    NONE,
    /** The server said no: a SOAP fault (a denial, a bad request, a policy refusal). */
    DENIED,
    /** No endpoint could be reached, or each answered HTTP 503. */
    UNREACHABLE,
    /** The arguments, or a file they name, are not usable. */
    BAD_INPUT,
    /** The server refused our credentials, or we could not obtain them, or TLS trust failed. */
    AUTHENTICATION,
    /** The server's answer was not the protocol we speak. */
    PROTOCOL,
    /** The policy names no endpoint this client can use for the request. */
    NOT_CONFIGURED
}
