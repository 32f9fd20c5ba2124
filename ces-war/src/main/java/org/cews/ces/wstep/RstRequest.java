package org.cews.ces.wstep;

import java.util.List;
import java.util.Optional;

/**
 * A wst:RequestSecurityToken as WSTEP uses it ([MS-WSTEP] 3.1.4.1.3.3), one record per request
 * type (3.1.4.1.2.7). Any other request type is refused by {@link RstReader} with a Sender fault.
 */
public sealed interface RstRequest {

    /** auth:AdditionalContext items in document order; empty when absent (cepces never sends it). */
    List<ContextItem> additionalContext();

    /** The value of the first context item called {@code name} (names compare without case). */
    default Optional<String> context(String name) {
        return additionalContext().stream()
                .filter(i -> i.name().equalsIgnoreCase(name))
                .map(ContextItem::value)
                .findFirst();
    }

    /** RequestType Issue: a new request or a renewal ([MS-WSTEP] 3.1.4.2.1.1). */
    record Issue(BinarySecurityToken token, List<ContextItem> additionalContext) implements RstRequest {
        public Issue {
            additionalContext = List.copyOf(additionalContext);
        }
    }

    /**
     * RequestType QueryTokenStatus: the state of a pending request ([MS-WSTEP] 3.1.4.2.1.2). The
     * BinarySecurityToken cepces sends with it (empty, self-closing) is ignored.
     *
     * @param requestId the wstep:RequestID text, trimmed, never empty
     */
    record QueryTokenStatus(String requestId, List<ContextItem> additionalContext) implements RstRequest {
        public QueryTokenStatus {
            additionalContext = List.copyOf(additionalContext);
        }
    }

    /** RequestType KET: the CA's key exchange certificate, for key archival ([MS-WSTEP] 3.1.4.2.2.1). */
    record Ket(List<ContextItem> additionalContext) implements RstRequest {
        public Ket {
            additionalContext = List.copyOf(additionalContext);
        }
    }
}
