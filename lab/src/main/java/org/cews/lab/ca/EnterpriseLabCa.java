package org.cews.lab.ca;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cews.lab.ca.issue.CaIdentity;
import org.cews.lab.ca.issue.CertificateIssuer;
import org.cews.lab.ca.policy.EndEntity;
import org.cews.lab.ca.policy.EnterprisePolicy;
import org.cews.lab.ca.store.CaKeyStore;
import org.cews.lab.ca.store.RequestRecord;
import org.cews.lab.ca.store.RequestStatus;
import org.cews.lab.ca.store.RequestStore;
import org.cews.lab.directory.LabAccount;
import org.cews.lab.directory.LabDirectory;
import org.cews.policy.ldap.DirectoryException;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msrpce.RpcPrincipal;

/**
 * The lab's AD CS enterprise CA: [MS-WCCE] 3.2.1.4.2.1 ICertRequestD::Request as [MS-ICPR]
 * 3.2.4.1.1 CertServerRequest reaches it, with the enterprise rules of 3.2.2.6.2.1. Verifies the
 * CA name (3.2.1.4.2.1.1), answers status inspections ({@link StatusInspection}), and otherwise
 * stores a new request row, evaluates it ({@link RequestEvaluator}) and answers from the row
 * ({@link Responses}). Officers approve or deny pending rows. Every decision is one audit line.
 *
 * <p>Open with {@link #open(LabCaConfig, LabDirectory)}: the key and certificate are created under
 * the state directory on first start and reused after, as is the request table.
 */
public final class EnterpriseLabCa implements LabCa {

    private final CaIdentity identity;
    private final LabDirectory directory;
    private final RequestStore store;
    private final RequestEvaluator evaluator;
    private final Responses responses;
    private final StatusInspection inspection;
    private final AuditLog audit;
    private final Clock clock;

    private EnterpriseLabCa(LabCaConfig config, CaIdentity identity, LabDirectory directory, RequestStore store) {
        this.identity = identity;
        this.directory = directory;
        this.store = store;
        this.clock = config.clock();
        CertificateIssuer issuer = new CertificateIssuer(
                identity, config.random(), config.clockSkew(), config.cdpUrls(), config.aiaUrls());
        this.evaluator = new RequestEvaluator(
                directory, new EnterprisePolicy(identity, directory, config.clock()), issuer, config.clock());
        this.responses = new Responses(identity);
        this.inspection = new StatusInspection(store, responses, config.officerSids());
        this.audit = new AuditLog(config.name());
    }

    public static EnterpriseLabCa open(LabCaConfig config, LabDirectory directory)
            throws IOException, GeneralSecurityException {
        CaIdentity identity = CaKeyStore.loadOrCreate(
                config.stateDirectory(),
                config.name(),
                config.keyAlgorithm(),
                config.caValidity(),
                config.clock(),
                config.random());
        return new EnterpriseLabCa(config, identity, directory, RequestStore.open(config.stateDirectory()));
    }

    @Override
    public String name() {
        return identity.name();
    }

    @Override
    public List<X509Certificate> chain() {
        return List.of(identity.x509());
    }

    @Override
    public CertServerRequestResponse process(CertServerRequest call, RpcPrincipal caller) {
        try {
            if (!CaNames.accepts(call.authority(), identity.name())) {
                audit.rejected(
                        "bad-authority",
                        caller.toString(),
                        call.requestId(),
                        HResult.E_INVALIDARG,
                        "pwszAuthority " + call.authority());
                return Responses.refused(call.requestId(), HResult.E_INVALIDARG);
            }
            if (call.isRetrieval()) {
                CertServerRequestResponse r = inspection.inspect(call, caller, endEntity(caller));
                if (r.returnValue().isFailure() && r.disposition().equals(Disposition.INCOMPLETE)) {
                    audit.rejected("retrieve", caller.toString(), call.requestId(), r.returnValue(), "lookup refused");
                } else {
                    store.get(r.requestId())
                            .ifPresent(row -> audit.decision("retrieve", row, r.disposition(), r.returnValue()));
                }
                return r;
            }
            if (call.requestId() != 0) {
                audit.rejected(
                        "submit",
                        caller.toString(),
                        call.requestId(),
                        HResult.E_INVALIDARG,
                        "a request blob with a request id");
                return Responses.refused(call.requestId(), HResult.E_INVALIDARG);
            }
            return submit(call, caller);
        } catch (DirectoryUnavailable e) {
            audit.rejected(
                    "error", caller.toString(), call.requestId(), CertSrvErrors.ERROR_DS_SERVER_DOWN, e.getMessage());
            return Responses.refused(call.requestId(), CertSrvErrors.ERROR_DS_SERVER_DOWN);
        } catch (IOException | RuntimeException e) {
            audit.rejected("error", caller.toString(), call.requestId(), CertSrvErrors.E_UNEXPECTED, e.toString());
            return Responses.refused(call.requestId(), CertSrvErrors.E_UNEXPECTED);
        }
    }

    private CertServerRequestResponse submit(CertServerRequest call, RpcPrincipal caller) throws IOException {
        int id = store.allocateId();
        Optional<EndEntity> who;
        HResult lookupError = null;
        try {
            who = endEntity(caller);
            if (who.isEmpty()) {
                lookupError = CertSrvErrors.ERROR_NONE_MAPPED;
            }
        } catch (DirectoryUnavailable e) {
            who = Optional.empty();
            lookupError = CertSrvErrors.ERROR_DS_SERVER_DOWN;
        }
        RequestRecord row = new RequestRecord(
                id,
                caller.name(),
                caller.domain() == null ? "" : caller.domain(),
                who.map(w -> w.account().sid().toString()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                RequestStatus.PENDING,
                0,
                "",
                call.flags().value(),
                call.attributes(),
                call.request().bytes(),
                Optional.empty(),
                clock.instant(),
                Optional.empty());
        RequestRecord done = lookupError != null
                ? evaluator.failed(row, lookupError, "The caller " + caller + " has no account in the directory.")
                : evaluator.evaluate(row, who.get(), Optional.empty());
        store.put(done);
        CertServerRequestResponse response = responses.forNewRequest(done, call.flags());
        audit.decision("submit", done, response.disposition(), new HResult(done.statusCode()));
        return response;
    }

    private Optional<EndEntity> endEntity(RpcPrincipal caller) {
        try {
            return directory.account(caller).map((LabAccount a) -> EndEntity.of(a, caller.toString()));
        } catch (DirectoryException e) {
            throw new DirectoryUnavailable(e);
        }
    }

    @Override
    public List<PendingRequest> pending() {
        return store.pending().stream()
                .map(r -> new PendingRequest(
                        r.id(),
                        r.requesterName().orElse(r.caller()),
                        r.template().orElse(""),
                        r.submitted()))
                .toList();
    }

    @Override
    public boolean approve(int requestId, String officer) {
        Optional<RequestRecord> row = store.get(requestId).filter(r -> r.status() == RequestStatus.PENDING);
        if (row.isEmpty()) {
            return false;
        }
        RpcPrincipal caller = new RpcPrincipal(row.get().callerName(), row.get().callerDomain());
        RequestRecord done;
        try {
            Optional<EndEntity> who = endEntity(caller);
            done = who.isPresent()
                    ? evaluator.evaluate(row.get(), who.get(), Optional.of(officer))
                    : evaluator.failed(
                            row.get(),
                            CertSrvErrors.ERROR_NONE_MAPPED,
                            "The caller " + caller + " no longer has an account in the directory.");
        } catch (DirectoryUnavailable e) {
            done = evaluator.failed(row.get(), CertSrvErrors.ERROR_DS_SERVER_DOWN, e.getMessage());
        }
        return resolve(done, "approve");
    }

    @Override
    public boolean deny(int requestId, String officer) {
        Optional<RequestRecord> row = store.get(requestId).filter(r -> r.status() == RequestStatus.PENDING);
        if (row.isEmpty()) {
            return false;
        }
        RequestRecord done = row.get()
                .outcome(
                        RequestStatus.DENIED,
                        HResult.CERTSRV_E_ADMIN_DENIED_REQUEST.code(),
                        "Denied by " + officer,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        clock.instant());
        return resolve(done, "deny");
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

    /** A directory failure while resolving the caller, carried out of a lambda. */
    private static final class DirectoryUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DirectoryUnavailable(DirectoryException cause) {
            super("The directory is unavailable: " + cause.getMessage(), cause);
        }
    }
}
