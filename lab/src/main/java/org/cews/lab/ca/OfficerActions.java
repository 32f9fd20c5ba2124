package org.cews.lab.ca;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.cews.lab.ca.policy.EndEntity;
import org.cews.lab.ca.store.RequestRecord;
import org.cews.lab.ca.store.RequestStatus;
import org.cews.lab.ca.store.RequestStore;
import org.cews.policy.ldap.DirectoryException;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * What a CA officer does to a pending row ([MS-CSRA] ResubmitRequest and DenyRequest, as the
 * disposition messages of [MS-WCCE] <82> show them): approval runs the request through the policy
 * again as its original caller, with CT_FLAG_PEND_ALL_REQUESTS lifted ("Resubmitted by ..."); a
 * denial stores CERTSRV_E_ADMIN_DENIED_REQUEST ("Denied by ..."). Only a row still pending changes.
 */
final class OfficerActions {

    private final RequestStore store;
    private final RequestEvaluator evaluator;
    private final CallerLookup callers;
    private final AuditLog audit;
    private final Clock clock;

    OfficerActions(RequestStore store, RequestEvaluator evaluator, CallerLookup callers, AuditLog audit, Clock clock) {
        this.store = store;
        this.evaluator = evaluator;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    boolean approve(int requestId, String officer) {
        Optional<RequestRecord> row = pending(requestId);
        if (row.isEmpty()) {
            return false;
        }
        RpcPrincipal caller = new RpcPrincipal(row.get().callerName(), row.get().callerDomain());
        RequestRecord done;
        try {
            Optional<EndEntity> who = callers.find(caller);
            done = who.isPresent()
                    ? evaluator.evaluate(row.get(), who.get(), Optional.of(officer))
                    : evaluator.failed(
                            row.get(),
                            CertSrvErrors.ERROR_NONE_MAPPED,
                            "The caller " + caller + " no longer has an account in the directory.");
        } catch (DirectoryException e) {
            done = evaluator.failed(
                    row.get(), CertSrvErrors.ERROR_DS_SERVER_DOWN, "The directory is unavailable: " + e.getMessage());
        }
        return resolve(done, "approve");
    }

    boolean deny(int requestId, String officer) {
        Optional<RequestRecord> row = pending(requestId);
        if (row.isEmpty()) {
            return false;
        }
        return resolve(
                row.get()
                        .outcome(
                                RequestStatus.DENIED,
                                HResult.CERTSRV_E_ADMIN_DENIED_REQUEST.code(),
                                "Denied by " + officer,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                clock.instant()),
                "deny");
    }

    private Optional<RequestRecord> pending(int requestId) {
        return store.get(requestId).filter(r -> r.status() == RequestStatus.PENDING);
    }

    private boolean resolve(RequestRecord done, String event) {
        try {
            if (!store.resolvePending(done)) {
                return false;
            }
        } catch (IOException e) {
            audit.rejected(event, done.caller(), done.id(), CertSrvErrors.E_UNEXPECTED, e.toString());
            return false;
        }
        Disposition d =
                switch (done.status()) {
                    case ISSUED -> Disposition.ISSUED;
                    case DENIED -> Disposition.DENIED;
                    case PENDING -> Disposition.UNDER_SUBMISSION;
                    case FAILED -> new Disposition(done.statusCode());
                };
        audit.decision(event, done, d, new HResult(done.statusCode()));
        return true;
    }
}
