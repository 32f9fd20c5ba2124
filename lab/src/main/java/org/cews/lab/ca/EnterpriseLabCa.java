package org.cews.lab.ca;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.issue.CaIdentity;
import org.cews.lab.ca.issue.CertificateIssuer;
import org.cews.lab.ca.policy.EndEntity;
import org.cews.lab.ca.policy.EnterprisePolicy;
import org.cews.lab.ca.request.RequestBounds;
import org.cews.lab.ca.revocation.CaRevocation;
import org.cews.lab.ca.revocation.RevocationStore;
import org.cews.lab.ca.store.CaKeyStore;
import org.cews.lab.ca.store.RequestRecord;
import org.cews.lab.ca.store.RequestStatus;
import org.cews.lab.ca.store.RequestStore;
import org.cews.lab.directory.CachingLabDirectory;
import org.cews.lab.directory.LabDirectory;
import org.cews.policy.acl.AclFormatException;
import org.cews.policy.acl.Sid;
import org.cews.policy.ldap.DirectoryException;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * The lab's AD CS enterprise CA: [MS-WCCE] 3.2.1.4.2.1 ICertRequestD::Request as [MS-ICPR]
 * 3.2.4.1.1 CertServerRequest reaches it, with the enterprise rules of 3.2.2.6.2.1. Verifies the
 * CA name (3.2.1.4.2.1.1; E_INVALIDARG as return value), answers status inspections ({@link
 * StatusInspection}), and otherwise stores a new request row (3.2.1.4.2.1.4.4), evaluates it
 * ({@link RequestEvaluator}) and answers from the row ({@link Responses}). Officers approve or deny
 * pending rows ({@link OfficerActions}) and revoke issued certificates ({@link CaRevocation}, which
 * also publishes the CRL and answers OCSP). Every decision is one audit line. Nothing a caller sends
 * makes it throw: a fault in the lab itself is E_UNEXPECTED in the return value.
 *
 * <p>Hostile DER (issue 11 item 5): a blob over {@link RequestBounds#MAX_LENGTH} is refused in the
 * return value before a request ID is allocated, like the other refusals of the call itself; a blob
 * within it that nests too deep or does not decode gets an ID and a failed row ("Error Parsing
 * Request", CRYPT_E_ASN1_*), as AD CS records every request it could not parse under an ID (its
 * event 22 and Failed Requests view name one). The row is stored before the answer, so no ID is
 * allocated without a row.
 *
 * <p>Open with {@link #open(LabCaConfig, LabDirectory)}: the key and certificate are created under
 * the state directory on first start and reused after, as is the request table. The CA owns the
 * directory it is opened with: {@link #close()} closes a {@link CachingLabDirectory}.
 */
public final class EnterpriseLabCa implements LabCa, AutoCloseable {

    private final CaIdentity identity;
    private final RequestStore store;
    private final CallerLookup callers;
    private final RequestEvaluator evaluator;
    private final Responses responses;
    private final StatusInspection inspection;
    private final OfficerActions officers;
    private final AuditLog audit;
    private final Clock clock;
    private final LabDirectory directory;
    private final CaRevocation revocation;

    private EnterpriseLabCa(
            LabCaConfig config,
            CaIdentity identity,
            LabDirectory directory,
            RequestStore store,
            RevocationStore revoked) {
        this.identity = identity;
        this.store = store;
        this.clock = config.clock();
        this.directory = directory;
        this.callers = new CallerLookup(directory);
        CertificateIssuer issuer = new CertificateIssuer(
                identity, config.random(), config.clockSkew(), config.cdpUrls(), config.aiaUrls(), config.ocspUrls());
        this.revocation = new CaRevocation(identity, store, revoked, clock, config.crlPeriod());
        this.evaluator = new RequestEvaluator(
                directory, new EnterprisePolicy(identity, directory, clock, this::endEntity), issuer, clock);
        this.responses = new Responses(identity);
        this.inspection = new StatusInspection(store, responses, config.officerSids());
        this.audit = new AuditLog(config.name());
        this.officers = new OfficerActions(store, evaluator, callers, audit, clock);
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
        return new EnterpriseLabCa(
                config,
                identity,
                directory,
                RequestStore.open(config.stateDirectory()),
                RevocationStore.open(config.stateDirectory()));
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
        String who = caller.toString();
        try {
            if (!CaNames.accepts(call.authority(), identity.name())) {
                return refused(call, who, HResult.E_INVALIDARG, "pwszAuthority " + call.authority());
            }
            if (call.isRetrieval()) {
                return retrieve(call, caller);
            }
            if (call.requestId() != 0) {
                return refused(call, who, HResult.E_INVALIDARG, "a request blob with a request id");
            }
            if (call.request().bytes().length > RequestBounds.MAX_LENGTH) {
                return refused(
                        call,
                        who,
                        CertSrvErrors.CRYPT_E_ASN1_LARGE,
                        "request blob of " + call.request().bytes().length + " bytes (at most "
                                + RequestBounds.MAX_LENGTH + ")");
            }
            return submit(call, caller);
        } catch (DirectoryException e) {
            return refused(call, who, CertSrvErrors.ERROR_DS_SERVER_DOWN, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return refused(call, who, CertSrvErrors.E_UNEXPECTED, e.toString());
        }
    }

    private CertServerRequestResponse refused(CertServerRequest call, String who, HResult hr, String why) {
        audit.rejected(call.isRetrieval() ? "retrieve" : "submit", who, call.requestId(), hr, why);
        return Responses.refused(call.requestId(), hr);
    }

    private CertServerRequestResponse retrieve(CertServerRequest call, RpcPrincipal caller) throws DirectoryException {
        CertServerRequestResponse r = inspection.inspect(call, caller, callers.find(caller));
        Optional<RequestRecord> row = store.get(r.requestId());
        if (r.requestId() == 0 || row.isEmpty() || r.disposition().code() == 0) {
            audit.rejected("retrieve", caller.toString(), call.requestId(), r.returnValue(), "lookup refused");
        } else {
            audit.decision("retrieve", row.get(), r.disposition(), r.returnValue());
        }
        return r;
    }

    private CertServerRequestResponse submit(CertServerRequest call, RpcPrincipal caller) throws IOException {
        int id = store.allocateId();
        Optional<EndEntity> who;
        HResult lookupError = null;
        String lookupMessage = "The caller " + caller + " has no account in the directory.";
        try {
            who = callers.find(caller);
            lookupError = who.isEmpty() ? CertSrvErrors.ERROR_NONE_MAPPED : null;
        } catch (DirectoryException e) {
            who = Optional.empty();
            lookupError = CertSrvErrors.ERROR_DS_SERVER_DOWN;
            lookupMessage = "The directory is unavailable: " + e.getMessage();
        }
        RequestRecord row = newRow(id, call, caller, who);
        RequestRecord done = lookupError != null
                ? evaluator.failed(row, lookupError, lookupMessage)
                : evaluator.evaluate(row, who.get(), Optional.empty());
        store.put(done);
        CertServerRequestResponse response = responses.forNewRequest(done, call.flags());
        audit.decision("submit", done, response.disposition(), new HResult(done.statusCode()));
        return response;
    }

    private RequestRecord newRow(int id, CertServerRequest call, RpcPrincipal caller, Optional<EndEntity> who) {
        return new RequestRecord(
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
    }

    /** The SID this CA issued {@code certificate} to: the row's requester, else its caller. */
    private Optional<Sid> endEntity(X509CertificateHolder certificate) {
        try {
            Optional<String> sid = store.issued(certificate.getEncoded())
                    .flatMap(r -> r.requesterSid().or(r::callerSid));
            return sid.isPresent() ? Optional.of(Sid.parse(sid.get())) : Optional.empty();
        } catch (IOException | AclFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<PendingRequest> pending() {
        return store.pending().stream()
                .map(r -> new PendingRequest(
                        name(),
                        r.id(),
                        r.requesterName().orElse(r.caller()),
                        r.template().orElse(""),
                        r.submitted()))
                .toList();
    }

    @Override
    public boolean approve(int requestId, String officer) {
        return officers.approve(requestId, officer);
    }

    @Override
    public boolean deny(int requestId, String officer) {
        return officers.deny(requestId, officer);
    }

    @Override
    public Optional<CaRevocation> revocation() {
        return Optional.of(revocation);
    }

    @Override
    public void refreshDirectory() throws DirectoryException {
        directory.refresh();
    }

    @Override
    public void close() {
        if (directory instanceof CachingLabDirectory cache) {
            cache.close();
        }
    }
}
