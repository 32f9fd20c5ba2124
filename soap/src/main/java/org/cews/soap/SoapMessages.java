package org.cews.soap;

/**
 * Every log and exception message of the SOAP module, with its typed ID (one registry per
 * module, as Elytron's message loggers). {@link #format} puts the ID in front, so an operator can search for it.
 * Patterns use {@code {n}} placeholders ({@link MessagePattern}); none contains an apostrophe.
 */
public enum SoapMessages {
    /** The request body is larger than the configured cap. */
    SOAP0101("the request is larger than {0} bytes, the most this service reads"),
    /** The body is not XML or is cut short. */
    SOAP0102("the request is not well-formed XML: {0}"),
    /** A DOCTYPE in the request. */
    SOAP0103("the request carries a DOCTYPE: DTDs and entity declarations are refused"),
    /** The root element is not a SOAP 1.2 Envelope. */
    SOAP0104("the request is not a SOAP 1.2 envelope (expected: Envelope in {0}, actual: {2} in {1})"),
    /** An element where the envelope needs another. */
    SOAP0105("the envelope is malformed (expected: {0}, actual: {1})"),
    /** No wsa:Action header. */
    SOAP0106("the request has no wsa:Action header: this service dispatches on WS-Addressing Action only"),
    /** An Action this endpoint does not serve. */
    SOAP0107("this endpoint does not serve the action {0} (it serves: {1})"),
    /** A POST to a path that is no service. */
    SOAP0108("there is no service at {0}; the services here are: {1}"),
    /** UsernameToken without a Username. */
    SOAP0109("the wsse:UsernameToken has no wsse:Username"),
    /** The Body is empty. */
    SOAP0110("the SOAP Body is empty: the operation element is missing"),
    /** An entity reference that is not one of the five XML predefines. */
    SOAP0111("the request uses the entity reference &{0};: entities are refused"),
    /** Credential missing or refused on a UsernamePassword endpoint. */
    SOAP0201("the user name or password was not accepted at {0} (correlation id {1}); check them, the server log"
            + " gives the reason"),
    /** Too many failed attempts. */
    SOAP0202("too many failed sign-in attempts for this account; try again later (correlation id {0})"),
    /** Log: refused authentication. */
    SOAP0203("authentication refused at {0} ({1}, {2}), correlation id {3}: {4}"),
    /** Log: directory or KDC unavailable for authentication. */
    SOAP0204("authentication could not be checked at {0}, answered 503, correlation id {1}: {2}"),
    /** Transport-mode refusal text (HTTP 403). */
    SOAP0205("{0} accepts only {1} authentication; the request did not carry an accepted credential (correlation"
            + " id {2})"),
    /** Log: an operation failed unexpectedly. */
    SOAP0301("internal error in {0} at {1}, correlation id {2}"),
    /** Fault text for an internal error. */
    SOAP0302("the service failed to process the request (correlation id {0}); the server log has the details"),
    /** Log: a transient backend failure answered 503. */
    SOAP0303("service temporarily unavailable at {0}, answered 503, correlation id {1}: {2}"),
    /** Log: a request answered with a Sender fault. */
    SOAP0304("request refused at {0}, correlation id {1}: {2}"),
    /** A setting has a value that cannot be used. */
    SOAP0401("the setting {0} has the value {1}, which cannot be used ({2})"),
    /** A setting is required but missing. */
    SOAP0402("the setting {0} is required ({1})"),
    /** Log: the directory runtime started. */
    SOAP0403("enrollment policy reader started: {0}, bind {1}, refresh every {2}"),
    /** The directory runtime cannot start. */
    SOAP0404("the directory settings cannot be used: {0}"),
    // The caller authentication (org.cews.soap.auth), 05xx.
    /** Filter: a Kerberos endpoint, and the caller authenticated some other way. */
    SOAP0501("this endpoint accepts only Kerberos (HTTP Negotiate); the request was authenticated otherwise"),
    /** Filter: a Certificate endpoint without a TLS client certificate. */
    SOAP0502("this endpoint accepts only a TLS client certificate from a trusted CA; the connection presented none"),
    /** No Kerberos identity on a Kerberos endpoint. */
    SOAP0503("no Kerberos (HTTP Negotiate) identity on this request"),
    /** The Kerberos principal is of another realm. */
    SOAP0504("the Kerberos principal {0} is not of the realm {1}"),
    /** No account with this name in the directory. */
    SOAP0505("no directory account for {0}"),
    /** No client certificate on a Certificate endpoint. */
    SOAP0506("no TLS client certificate on this request"),
    /** The client certificate is outside its validity period. */
    SOAP0507("the client certificate {0} is not valid now (valid from {1} to {2})"),
    /** The client certificate maps to no account. */
    SOAP0508("the client certificate {0} maps to no directory account (tried: {1})"),
    /** The SID extension names a SID the directory does not know, or another account than the names. */
    SOAP0509("the client certificate {0} carries the SID {1}, {2}"),
    /** Revocation check failed. */
    SOAP0510("the client certificate {0} failed the revocation check: {1}"),
    /** UsernamePassword endpoint without a UsernameToken. */
    SOAP0511("no wsse:UsernameToken in the SOAP header"),
    /** Empty password. */
    SOAP0512("the UsernameToken of {0} has an empty password (an empty simple bind would be anonymous)"),
    /** The password type is not PasswordText. */
    SOAP0513("the UsernameToken of {0} has the password type {1}; only PasswordText can be checked"),
    /** Wrong password. */
    SOAP0514("the password of {0} was refused by the directory: {1}"),
    /** Rate limited. */
    SOAP0515("too many failed attempts for {0}; refused until {1}"),
    /** The directory cannot be reached. */
    SOAP0516("the directory could not be asked about {0}: {1}"),
    /** A user name in a form that names no account. */
    SOAP0517("the user name {0} is not a UPN, DOMAIN\\user or a bare account name of domain {1}"),
    /** Audit: a caller mapped to its account (read from the directory, not from the cache). */
    SOAP0518("caller {0} ({1}) mapped from {2} by {3}, {4} SIDs"),
    // Revocation of client certificates (RevocationCheck), 053x.
    /** Audit: a CRL was fetched and will be used. */
    SOAP0530("CRL {0} fetched: issuer {1}, number {2}, thisUpdate {3}, nextUpdate {4}, {5} revoked; used until {6}"),
    /** Audit: soft fail, a certificate accepted without a revocation answer. */
    SOAP0531("the client certificate {0} (serial {1}) is accepted without a revocation answer"
            + " (revocationUnavailable=accept): {2}"),
    /** Audit: a revoked certificate refused. */
    SOAP0532("the client certificate {0} (serial {1}, issuer {2}) is revoked since {3}, reason {4} ({5}): refused"),
    /** Audit: hard fail, a certificate refused for want of a revocation answer. */
    SOAP0533("the client certificate {0} (serial {1}) is refused without a revocation answer"
            + " (revocationUnavailable=refuse): {2}");

    private final MessagePattern pattern;

    SoapMessages(String pattern) {
        this.pattern = new MessagePattern(pattern);
    }

    /** The pattern, for tests. */
    MessagePattern pattern() {
        return pattern;
    }

    /** The message with its ID in front: {@code SOAP0101 the request is larger than ...}. */
    public String format(Object... args) {
        return name() + " " + pattern.format(args);
    }

    /** The message without its ID, for a SOAP Reason whose ID the log line carries. */
    public String text(Object... args) {
        return pattern.format(args);
    }
}
