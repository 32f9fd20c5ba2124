package org.cews.client.cli;

import org.cews.client.Failure;

/** The exit codes of {@code enroll}, documented in its help and in docs/CLIENT.md. */
public enum ExitCode {
    OK(0, "success: the certificate was issued (or the templates were listed)"),
    INTERNAL(1, "an unexpected error (a bug: please report it with --trace output)"),
    DENIED(2, "the server refused: a SOAP fault, with the HRESULT and its meaning when sent"),
    PENDING(3, "the request is pending: the CA holds it for an officer; collect it with enroll poll"),
    UNREACHABLE(4, "no endpoint could be reached, or each answered HTTP 503 (try again later)"),
    BAD_INPUT(5, "bad input: an unknown option, a missing value, a file that cannot be read or would be overwritten"),
    AUTHENTICATION(6, "authentication failed: credentials refused, no Kerberos ticket, TLS trust failed"),
    PROTOCOL(7, "the server's answer was not the protocol expected"),
    NOT_CONFIGURED(8, "the policy names no CES URI usable for this template and authentication mode");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static ExitCode of(Failure f) {
        return switch (f) {
            case NONE -> OK;
            case DENIED -> DENIED;
            case UNREACHABLE -> UNREACHABLE;
            case BAD_INPUT -> BAD_INPUT;
            case AUTHENTICATION -> AUTHENTICATION;
            case PROTOCOL -> PROTOCOL;
            case NOT_CONFIGURED -> NOT_CONFIGURED;
        };
    }
}
