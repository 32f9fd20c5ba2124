package org.cews.lab.ca.policy;

import java.util.Optional;
import org.cews.wcce.msicpr.HResult;

/** What the policy algorithm decided ([MS-WCCE] 3.2.1.4.2.1.4.5: issue, pend or deny). */
public sealed interface PolicyOutcome {

    /** The template the decision was about, if the request got that far. */
    Optional<String> template();

    record Issue(CertificateOrder order) implements PolicyOutcome {
        @Override
        public Optional<String> template() {
            return Optional.of(order.template().cn());
        }
    }

    /** CT_FLAG_PEND_ALL_REQUESTS: an officer must approve ([MS-WCCE] 3.2.2.6.2.1.4.5.6). */
    record Pend(CertificateOrder order) implements PolicyOutcome {
        @Override
        public Optional<String> template() {
            return Optional.of(order.template().cn());
        }
    }

    record Deny(HResult code, String reason, Optional<String> template, Optional<EndEntity> requester)
            implements PolicyOutcome {}
}
