package org.cews.wcce.msrpce;

import java.util.UUID;

/**
 * The server's answer to one presentation context (p_result_t, C706 12.6.3.1; [MS-RPCE] 2.2.2.4
 * adds negotiate_ack):
 *
 * <pre>
 *   result u16 (p_cont_def_result_t), reason u16 (p_provider_reason_t), transfer_syntax (20)
 * </pre>
 */
public record PresentationResult(Result result, Reason reason, SyntaxId transferSyntax) {

    /** The transfer syntax of a rejection: all zero. */
    public static final SyntaxId NO_SYNTAX = new SyntaxId(new UUID(0, 0), 0, 0);

    public static PresentationResult accept(SyntaxId transferSyntax) {
        return new PresentationResult(Result.ACCEPTANCE, Reason.NOT_SPECIFIED, transferSyntax);
    }

    public static PresentationResult providerRejection(Reason reason) {
        return new PresentationResult(Result.PROVIDER_REJECTION, reason, NO_SYNTAX);
    }

    /** p_cont_def_result_t, an open value. */
    public record Result(int code) {
        public static final Result ACCEPTANCE = new Result(0);
        public static final Result USER_REJECTION = new Result(1);
        public static final Result PROVIDER_REJECTION = new Result(2);
        public static final Result NEGOTIATE_ACK = new Result(3);

        private static final String[] NAMES = {"acceptance", "user_rejection", "provider_rejection", "negotiate_ack"};

        @Override
        public String toString() {
            return (code >= 0 && code < NAMES.length ? NAMES[code] : "unknown") + "(" + code + ")";
        }
    }

    /** p_provider_reason_t, an open value. */
    public record Reason(int code) {
        public static final Reason NOT_SPECIFIED = new Reason(0);
        public static final Reason ABSTRACT_SYNTAX_NOT_SUPPORTED = new Reason(1);
        public static final Reason PROPOSED_TRANSFER_SYNTAXES_NOT_SUPPORTED = new Reason(2);
        public static final Reason LOCAL_LIMIT_EXCEEDED = new Reason(3);

        private static final String[] NAMES = {
            "reason_not_specified",
            "abstract_syntax_not_supported",
            "proposed_transfer_syntaxes_not_supported",
            "local_limit_exceeded"
        };

        @Override
        public String toString() {
            return (code >= 0 && code < NAMES.length ? NAMES[code] : "unknown") + "(" + code + ")";
        }
    }
}
