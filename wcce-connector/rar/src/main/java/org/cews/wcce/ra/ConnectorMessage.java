package org.cews.wcce.ra;

import java.text.MessageFormat;

/**
 * Every log and exception message of the resource adapter that carries an ID, so that operators
 * can search for it. Patterns are {@link MessageFormat}s ({@code ''} is one quote).
 */
enum ConnectorMessage {
    /** Audit, WARNING: a CA could not be reached and is skipped for the back-off. */
    CA_UNAVAILABLE(
            "WCCE0501", "CA {0} is unavailable: {1}; it is skipped until {2}, requests go to the next CA by priority"),
    /** Audit, INFO: a new connection to a CA that was down was bound. */
    CA_ANSWERS_AGAIN("WCCE0502", "CA {0} answers again (unavailable since {1}, for {2} s)"),
    /** Audit, ERROR: the connector's authentication was refused; logged once until it works. */
    AUTHENTICATION_REFUSED(
            "WCCE0503",
            "CA {0} refused the connector''s authentication: {1}. This is a configuration error (password,"
                    + " keytab, service principal, clock skew, KDC), not an outage: the CA is not skipped"),
    /** Audit, WARNING, and the message of the CaException of kind OUTCOME_UNKNOWN. */
    OUTCOME_UNKNOWN(
            "WCCE0504",
            "the outcome of the request at CA {0} is unknown: {1}; it was not sent to another CA, so that no"
                    + " two CAs issue for it (look it up at that CA before submitting it again)");

    private final String id;
    private final String pattern;

    ConnectorMessage(String id, String pattern) {
        this.id = id;
        this.pattern = pattern;
    }

    String id() {
        return id;
    }

    /** The pattern with its ID in front, for {@link System.Logger#log(System.Logger.Level, String, Object...)}. */
    String pattern() {
        return id + " " + pattern;
    }

    /** The message with its ID in front. */
    String format(Object... params) {
        return MessageFormat.format(pattern(), params);
    }
}
