package org.cews.soap.auth;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * Every log and exception message of the caller authentication, with its typed ID (range
 * SOAP05xx of the SOAP module). {@link #format} puts the ID in front, so an operator can search for
 * it. Patterns use {@link MessageFormat} placeholders; none contains an apostrophe.
 */
public enum AuthMessages {
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
    /** A setting that cannot be used. */
    SOAP0518("the setting {0} has the value {1}, which cannot be used ({2})"),
    /** Log: a caller authenticated. */
    SOAP0519("caller {0} authenticated by {1} ({2} SIDs)"),
    /** NTLM offered inside Negotiate. */
    SOAP0520("NTLM is not accepted: this endpoint takes Kerberos only (offer a Kerberos ticket for HTTP/<host>)");

    private final String pattern;

    AuthMessages(String pattern) {
        this.pattern = pattern;
    }

    /** The message with its ID in front. */
    public String format(Object... args) {
        return name() + " " + text(args);
    }

    /** The message without its ID. */
    public String text(Object... args) {
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }
}
