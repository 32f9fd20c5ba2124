package org.cews.client;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * Every message the client prints or throws, with its id (the module's one registry; ids are
 * {@code ENRnnnn}). The failure kind decides the command's exit code.
 */
public enum ClientMessage {
    // 01xx: the caller's input
    USAGE("ENR0101", Failure.BAD_INPUT, "{0} (enroll --help shows the manual)"),
    CANNOT_READ("ENR0102", Failure.BAD_INPUT, "cannot read {0}: {1}"),
    KEY_FILE_EXISTS("ENR0103", Failure.BAD_INPUT, "{0} exists: give --force to overwrite a key file"),
    NOT_FOUND_IN_FILE("ENR0104", Failure.BAD_INPUT, "{0} holds no {1}"),
    TEMPLATE_UNKNOWN("ENR0105", Failure.BAD_INPUT, "the policy of {0} offers no template {1}; it offers: {2}"),
    NO_PASSWORD("ENR0106", Failure.BAD_INPUT, "no password for {0}: {1}"),
    BAD_REFERENCE(
            "ENR0107",
            Failure.BAD_INPUT,
            "{0} is not a request reference (expected REQUESTID@CES-URL, as enroll request prints it)"),
    CANNOT_WRITE("ENR0108", Failure.BAD_INPUT, "cannot write {0}: {1}"),
    BAD_KEY_SPEC(
            "ENR0109", Failure.BAD_INPUT, "unsupported key {0} (use rsa:2048, rsa:3072, rsa:4096, ec:p256 or ec:p384)"),
    KEY_MISMATCH("ENR0110", Failure.BAD_INPUT, "the key in {0} does not belong to the certificate in {1}"),
    BAD_REQUEST_FILE("ENR0111", Failure.BAD_INPUT, "{0} is not a PKCS#10 request: {1}"),
    CRYPTO("ENR0112", Failure.BAD_INPUT, "cannot {0}: {1}"),

    // 02xx: reaching the services
    CONNECT_FAILED("ENR0201", Failure.UNREACHABLE, "cannot reach {0}: {1}"),
    SERVICE_UNAVAILABLE("ENR0202", Failure.UNREACHABLE, "{0} answered HTTP 503: the service is unavailable for now"),
    ALL_ENDPOINTS_FAILED("ENR0203", Failure.UNREACHABLE, "no enrollment endpoint answered; tried: {0}"),
    UNEXPECTED_STATUS("ENR0204", Failure.PROTOCOL, "{0} answered HTTP {1} without a SOAP fault"),
    TLS_FAILED(
            "ENR0205",
            Failure.AUTHENTICATION,
            "TLS with {0} failed: {1} (check --ca-file, and the client certificate where one is used)"),

    // 03xx: authentication
    CREDENTIALS_REFUSED("ENR0301", Failure.AUTHENTICATION, "{0} refused the credentials (HTTP {1})"),
    KERBEROS_LOGIN("ENR0302", Failure.AUTHENTICATION, "Kerberos login failed: {0}"),
    KERBEROS_TICKET("ENR0303", Failure.AUTHENTICATION, "no Kerberos service ticket for {0}: {1}"),
    NEGOTIATE_REFUSED("ENR0304", Failure.AUTHENTICATION, "{0} refused the Kerberos token (HTTP 401 again)"),
    CLIENT_CERTIFICATE("ENR0305", Failure.AUTHENTICATION, "cannot use the client certificate: {0}"),
    AUTHENTICATION_FAULT("ENR0306", Failure.AUTHENTICATION, "{0} refused the credentials: {1} (code {2})"),

    // 04xx: answers not understood
    MALFORMED_XML("ENR0401", Failure.PROTOCOL, "the answer from {0} is not a SOAP 1.2 message: {1}"),
    MISSING_ELEMENT("ENR0402", Failure.PROTOCOL, "the answer from {0} has no {1}"),
    BAD_VALUE("ENR0403", Failure.PROTOCOL, "{0} in the answer from {1} is not valid: {2}"),

    // 05xx: refusals from the services
    ENROLLMENT_DENIED("ENR0501", Failure.DENIED, "{0} refused the request: {1} (HRESULT {2} {3}: {4})"),
    SOAP_FAULT("ENR0502", Failure.DENIED, "{0} answered a SOAP fault: {1} (code {2})"),

    // 06xx: the policy names nothing usable
    NO_ENDPOINT(
            "ENR0601",
            Failure.NOT_CONFIGURED,
            "the policy names no CES URI for template {0} with {1} authentication{2}"),

    // 07xx: progress and notes (stderr)
    CONTACTING("ENR0701", Failure.NONE, "contacting {0}"),
    TRYING_NEXT("ENR0702", Failure.NONE, "{0} did not answer ({1}); trying the next URI"),
    WAITING("ENR0703", Failure.NONE, "request {0} is still pending at {1}; next poll in {2} s (until {3})"),
    POLICY_CACHED("ENR0704", Failure.NONE, "policy of {0} from the cache (fetched {1}, next update due {2})"),
    POLICY_NOT_CHANGED("ENR0705", Failure.NONE, "policy of {0} not changed since {1}; cache kept"),
    POLICY_CACHE_UNUSABLE("ENR0706", Failure.NONE, "the policy cache {0} is not usable ({1}); fetching again"),
    WROTE("ENR0707", Failure.NONE, "wrote {0}"),
    NO_CHANNEL_BINDING(
            "ENR0708",
            Failure.NONE,
            "no channel binding for {0}: the JDK does not export its TLS binding class (run java with --add-exports"
                    + " java.security.jgss/sun.security.jgss.krb5.internal=ALL-UNNAMED)");

    private final String id;
    private final Failure failure;
    private final String pattern;

    ClientMessage(String id, Failure failure, String pattern) {
        this.id = id;
        this.failure = failure;
        this.pattern = pattern;
    }

    public String id() {
        return id;
    }

    public Failure failure() {
        return failure;
    }

    /** The message with its id first, arguments filled in: {@code ENR0201 cannot reach ...}. */
    public String format(Object... args) {
        return id + " " + new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(args);
    }
}
