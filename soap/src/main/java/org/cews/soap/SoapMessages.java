package org.cews.soap;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * Every log and exception message of the SOAP module, with its typed ID (HOUSE-STYLE.md: one
 * registry per module). {@link #format} puts the ID in front, so an operator can search for it.
 * Patterns use {@link MessageFormat} placeholders; none contains an apostrophe.
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
    SOAP0404("the directory settings cannot be used: {0}");

    private final String pattern;

    SoapMessages(String pattern) {
        this.pattern = pattern;
    }

    /** The message with its ID in front: {@code SOAP0101 the request is larger than ...}. */
    public String format(Object... args) {
        return name() + " " + new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** The message without its ID, for a SOAP Reason whose ID the log line carries. */
    public String text(Object... args) {
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }
}
