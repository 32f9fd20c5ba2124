package org.cews.lab.ca;

import java.util.Optional;
import java.util.Set;
import org.cews.lab.ca.policy.EndEntity;
import org.cews.lab.ca.store.RequestRecord;
import org.cews.lab.ca.store.RequestStore;
import org.cews.policy.acl.Sid;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * [MS-WCCE] 3.2.1.4.2.1.3 "Requesting Status Inspection": an empty {@code pctbRequest} and a
 * request id. Errors of the lookup itself are return values, as the spec words them ("the function
 * MUST return the error"): request id 0 is E_INVALIDARG, an unknown id CERTSRV_E_PROPERTY_EMPTY,
 * and a caller who is neither the original caller, the requester it enrolled for, nor an officer
 * E_ACCESSDENIED [inferred; docs/CA-RPC-AD.md §1.5]. ICPR cannot look up by serial number, so
 * {@code pwszAttributes} is not consulted.
 */
final class StatusInspection {

    private final RequestStore store;
    private final Responses responses;
    private final Set<Sid> officers;

    StatusInspection(RequestStore store, Responses responses, Set<Sid> officers) {
        this.store = store;
        this.responses = responses;
        this.officers = officers;
    }

    /** The answer, or the return value refusing the lookup. */
    CertServerRequestResponse inspect(CertServerRequest call, RpcPrincipal principal, Optional<EndEntity> caller) {
        if (call.requestId() == 0) {
            return Responses.refused(0, HResult.E_INVALIDARG);
        }
        Optional<RequestRecord> row = store.get(call.requestId());
        if (row.isEmpty()) {
            return Responses.refused(call.requestId(), HResult.CERTSRV_E_PROPERTY_EMPTY);
        }
        if (!mayRead(row.get(), principal, caller)) {
            return Responses.refused(call.requestId(), HResult.E_ACCESSDENIED);
        }
        return responses.forInspection(row.get(), call.flags());
    }

    private boolean mayRead(RequestRecord row, RpcPrincipal principal, Optional<EndEntity> caller) {
        if (caller.isEmpty()) {
            return row.callerSid().isEmpty()
                    && row.callerName().equalsIgnoreCase(principal.name())
                    && row.callerDomain().equalsIgnoreCase(principal.domain() == null ? "" : principal.domain());
        }
        String sid = caller.get().account().sid().toString();
        return row.callerSid().filter(sid::equals).isPresent()
                || row.requesterSid().filter(sid::equals).isPresent()
                || officers.stream().anyMatch(caller.get().sids()::contains);
    }
}
