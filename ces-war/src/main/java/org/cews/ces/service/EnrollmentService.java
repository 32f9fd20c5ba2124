package org.cews.ces.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import org.cews.ces.CesMessage;
import org.cews.ces.pki.DerPrecheck;
import org.cews.ces.pki.InspectionException;
import org.cews.ces.wstep.EnrollmentDetail;
import org.cews.ces.wstep.HResult;
import org.cews.ces.wstep.RstRequest;
import org.cews.ces.wstep.RstResponse;
import org.cews.ces.wstep.WstepFault;
import org.cews.policy.cache.PolicyUnavailableException;
import org.cews.soap.auth.CallerIdentity;
import org.cews.wcce.api.CaConnectionFactory;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentResult;

/**
 * The CES without its container ([MS-WSTEP] 3.1.4.2): takes an authenticated caller and a parsed
 * RequestSecurityToken, inspects and checks the request ({@link IssueChecks}), acts toward the CA
 * through the connector ({@link CaGateway}) and answers with an {@link Outcome}: issued or pending
 * RSTRC, a fault, or a transient failure (HTTP 503). QueryTokenStatus is answered only with a
 * pending reference this CES signed for the same caller ({@link PendingReferences}). Every outcome
 * is one audit line.
 */
public final class EnrollmentService {

    /** Issued disposition when the CA gave no message. */
    static final String ISSUED = "Issued";

    /** AD CS's words for a request taken under submission. */
    static final String PENDING = "Taken Under Submission";

    /** The query parameter of the Reference URI that carries the signed reference. */
    public static final String PENDING_PARAMETER = "pending";

    private final CesConfig config;
    private final CaGateway ca;
    private final IssueChecks checks;
    private final AuditLog audit;

    EnrollmentService(CesConfig config, IssueChecks checks, CaGateway ca, AuditLog audit) {
        this.config = config;
        this.checks = checks;
        this.ca = ca;
        this.audit = audit;
    }

    /** The service for {@code factory}'s CA, with the default DER limits. */
    public static EnrollmentService create(CesConfig config, CaConnectionFactory factory, Clock clock, AuditLog audit) {
        return new EnrollmentService(
                config,
                new IssueChecks(config, new DerPrecheck(), clock),
                new CaGateway(factory, config.actingMode()),
                audit);
    }

    /** Handles one request; never throws for anything the client or the CA did. */
    public Outcome handle(EnrollmentCall call, PolicyProvider policy) {
        Trace trace = new Trace(call);
        Outcome outcome;
        try {
            outcome = dispatch(call, policy, trace);
        } catch (Refusal r) {
            trace.hresult = OptionalInt.of(r.hresult());
            trace.detail = r.getMessage();
            outcome = new Outcome.Fault(r.fault(trace.requestId()));
        }
        audit.record(trace.record(outcome));
        return outcome;
    }

    /**
     * The outcome of a body that could not be read as a RequestSecurityToken ({@code fault}, from
     * the reader): audited like every other outcome.
     */
    public Outcome unreadable(CallerIdentity caller, boolean keyBasedRenewal, String correlationId, WstepFault fault) {
        audit.record(new AuditRecord(
                caller.name(),
                caller.mode().pathName() + (keyBasedRenewal ? "/KeyBasedRenewal" : ""),
                "-",
                "-",
                OptionalInt.empty(),
                Disposition.REFUSED,
                OptionalInt.empty(),
                correlationId,
                fault.getMessage()));
        return new Outcome.Fault(fault);
    }

    private Outcome dispatch(EnrollmentCall call, PolicyProvider policy, Trace trace) throws Refusal {
        RstRequest request = call.request();
        if (request instanceof RstRequest.Issue issue) {
            return issue(call, issue, policy, trace);
        }
        if (request instanceof RstRequest.QueryTokenStatus query) {
            return query(call, query, trace);
        }
        throw new Refusal(HResult.ERROR_NOT_SUPPORTED, CesMessage.CES0305);
    }

    private Outcome issue(EnrollmentCall call, RstRequest.Issue issue, PolicyProvider policy, Trace trace)
            throws Refusal {
        IssueChecks.Checked checked;
        try {
            checked = checks.check(call, issue, policy.current(), ca.caName(), trace::template);
        } catch (PolicyUnavailableException e) {
            return trace.transientFailure(CesMessage.CES0311.format(e.getMessage()));
        } catch (InspectionException e) {
            throw Refusal.of(e);
        }
        trace.ca = ca.caName();
        try {
            return answer(call, ca.submit(call.caller(), checked.request(), checked.renewal()), trace);
        } catch (CaException e) {
            return caFailure(call, e, trace);
        }
    }

    private Outcome query(EnrollmentCall call, RstRequest.QueryTokenStatus query, Trace trace) throws Refusal {
        int requestId = requestId(query.requestId());
        trace.requestId = OptionalInt.of(requestId);
        PendingReferences.PendingReference reference = call.pendingToken()
                .flatMap(config.pendingReferences()::verify)
                .filter(r -> r.requestId() == requestId)
                .orElseThrow(() -> new Refusal(
                        HResult.E_INVALIDARG,
                        CesMessage.CES0306,
                        call.pendingToken().isEmpty() ? "the URL has no pending parameter" : "not signed by this CES"));
        trace.ca = reference.caName();
        if (!reference.owner().equals(owner(call.caller()))) {
            throw new Refusal(HResult.E_ACCESSDENIED, CesMessage.CES0307, requestId, reference.caName());
        }
        try {
            return answer(call, ca.retrieve(call.caller(), reference.caName(), requestId), trace);
        } catch (CaException e) {
            return caFailure(call, e, trace);
        }
    }

    private Outcome answer(EnrollmentCall call, EnrollmentResult result, Trace trace) throws Refusal {
        trace.ca = result.caName();
        trace.requestId = OptionalInt.of(result.requestId());
        String message = result.message() == null ? "" : result.message().strip();
        if (result instanceof EnrollmentResult.Issued issued) {
            byte[] pkcs7 = issued.chainOrFullResponse();
            if (pkcs7.length == 0) {
                pkcs7 = checks.certsOnly(issued.certificate());
            }
            return new Outcome.Answer(new RstResponse.Issued(
                    issued.requestId(), message.isEmpty() ? ISSUED : message, pkcs7, issued.certificate()));
        }
        if (result instanceof EnrollmentResult.Pending pending) {
            String token = config.pendingReferences()
                    .sign(new PendingReferences.PendingReference(
                            pending.caName(), pending.requestId(), owner(call.caller())));
            return new Outcome.Answer(new RstResponse.Pending(
                    pending.requestId(), message.isEmpty() ? PENDING : message, reference(call.endpoint(), token)));
        }
        EnrollmentResult.Denied denied = (EnrollmentResult.Denied) result;
        trace.denied = true;
        trace.hresult = OptionalInt.of(denied.hresult());
        String text = message.isEmpty() ? "the CA gave no reason" : message;
        trace.detail = CesMessage.CES0309.format(denied.caName(), denied.hresultHex() + " " + text);
        return new Outcome.Fault(new WstepFault(
                WstepFault.Code.RECEIVER,
                trace.detail,
                "Denied by Policy Module  " + denied.hresultHex() + ", " + text,
                Optional.of(EnrollmentDetail.of(denied.hresult(), true, trace.requestId()))));
    }

    private Outcome caFailure(EnrollmentCall call, CaException e, Trace trace) {
        if (ca.isTransient(e, call.caller())) {
            return trace.transientFailure(CesMessage.CES0310.format(e.getMessage()));
        }
        trace.hresult = OptionalInt.of(HResult.E_FAIL.signed());
        trace.detail = CesMessage.CES0312.format(e.getMessage());
        return new Outcome.Fault(new WstepFault(
                WstepFault.Code.RECEIVER,
                trace.detail,
                CesMessage.CES0312.text(e.kind()),
                Optional.of(EnrollmentDetail.of(HResult.E_FAIL.signed(), false, trace.requestId()))));
    }

    private static int requestId(String text) throws Refusal {
        try {
            int id = Integer.parseInt(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Refusal(HResult.E_INVALIDARG, CesMessage.CES0308, text);
    }

    /**
     * Who may collect a pending request: the caller's SID, or for a key-based-renewal caller that
     * maps to no account the SHA-256 of its TLS certificate.
     */
    static String owner(CallerIdentity caller) {
        if (caller.account().isPresent()) {
            return "sid:" + caller.account().get().sids().user();
        }
        try {
            byte[] der = caller.certificate().orElseThrow().getEncoded();
            return "cert:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a parsed certificate has an encoding and SHA-256 exists", e);
        }
    }

    /** This endpoint's URL (its origin replaced by {@code cews.ces.baseUrl}) with the signed reference. */
    private URI reference(URI endpoint, String token) {
        URI origin = config.baseUrl().orElse(endpoint);
        try {
            return new URI(
                    origin.getScheme(),
                    origin.getAuthority(),
                    endpoint.getPath(),
                    PENDING_PARAMETER + "=" + token,
                    null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("endpoint URL " + endpoint + " cannot carry a reference", e);
        }
    }

    /** What the audit line of one call says, filled in as the call goes. */
    private static final class Trace {
        private final EnrollmentCall call;
        String template = "-";
        String ca = "-";
        OptionalInt requestId = OptionalInt.empty();
        OptionalInt hresult = OptionalInt.empty();
        boolean denied;
        String detail = "-";

        Trace(EnrollmentCall call) {
            this.call = call;
        }

        void template(String cn) {
            template = cn;
        }

        Optional<String> requestId() {
            return requestId.isPresent() ? Optional.of(Integer.toString(requestId.getAsInt())) : Optional.empty();
        }

        Outcome transientFailure(String why) {
            detail = why;
            return new Outcome.Transient(why);
        }

        AuditRecord record(Outcome outcome) {
            Disposition d;
            if (outcome instanceof Outcome.Answer a) {
                d = a.response() instanceof RstResponse.Issued ? Disposition.ISSUED : Disposition.PENDING;
            } else if (outcome instanceof Outcome.Fault) {
                d = denied ? Disposition.DENIED : Disposition.REFUSED;
            } else {
                d = Disposition.TRANSIENT;
            }
            return new AuditRecord(
                    call.caller().name(),
                    call.caller().mode().pathName() + (call.keyBasedRenewal() ? "/KeyBasedRenewal" : ""),
                    template,
                    ca,
                    requestId,
                    d,
                    hresult,
                    call.correlationId(),
                    detail);
        }
    }

    /** Where the service gets the enrollment policy: the cache's current snapshot. */
    @FunctionalInterface
    public interface PolicyProvider {
        org.cews.policy.ldap.PolicySnapshot current() throws PolicyUnavailableException;
    }
}
