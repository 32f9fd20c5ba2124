package org.cews.epa;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * Every log and exception message of the extended-protection module, with its typed ID (one
 * registry per module). {@link #format} puts the ID in front, so an operator can search for it.
 * Patterns use {@link MessageFormat} placeholders; none contains an apostrophe.
 */
public enum EpaMessages {
    /** Log: a Kerberos token without a channel binding at an endpoint that requires one. */
    EPA0101("Negotiate refused at {0}: extended protection is {1} there and the Kerberos token carries no"
            + " channel binding (the client does not bind its tokens to TLS)"),
    /** Log: a Kerberos token bound to another TLS channel. */
    EPA0102("Negotiate refused at {0}: the Kerberos token is bound to another TLS channel than this one"
            + " (a certificate other than {1}: a TLS-terminating proxy in between, or a relayed token)"),
    /** Log: any other refusal of the token by the acceptor. */
    EPA0103("Negotiate refused at {0}: {1}"),
    /** Log and refusal: the binding cannot be built in this JVM. */
    EPA0104("extended protection is {0} at {1} but the JVM cannot build the channel binding ({2}); start"
            + " WildFly with --add-exports=java.security.jgss/sun.security.jgss.krb5.internal=ALL-UNNAMED"
            + " (deploy/bin/provision.sh writes it into bin/standalone.conf); every Negotiate there is refused"),
    /** Exception: the served certificate defines no tls-server-end-point hash. */
    EPA0105("the server certificate {0} is signed with {1}, for which RFC 5929 section 4.1 defines no"
            + " tls-server-end-point hash"),
    /** Log and refusal: no binding can be computed for this connection. */
    EPA0106("extended protection is {0} at {1} but this connection gives no channel binding: {2}; every"
            + " Negotiate there is refused"),
    /** Log, once per value: a setting that is not a level. */
    EPA0107("the setting {0} has the value {1}, which is not None, Allow or Require: enforced as Require"),
    /** Log, once: Allow cannot be had from the JDK acceptor. */
    EPA0108("the setting {0} is Allow, which the JDK Kerberos acceptor cannot provide (it refuses tokens"
            + " without a binding once it checks bindings, and a refused token cannot be retried, as it"
            + " is already in the replay cache): enforced as Require"),
    /** Refusal text handed to Elytron. */
    EPA0109("channel binding (extended protection) not satisfied");

    private final String pattern;

    EpaMessages(String pattern) {
        this.pattern = pattern;
    }

    /** The message with its ID in front: {@code EPA0101 Negotiate refused at ...}. */
    public String format(Object... arguments) {
        return name() + " " + new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }
}
