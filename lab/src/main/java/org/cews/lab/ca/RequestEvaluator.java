package org.cews.lab.ca;

import java.time.Clock;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.issue.CertificateIssuer;
import org.cews.lab.ca.policy.EndEntity;
import org.cews.lab.ca.policy.EnterprisePolicy;
import org.cews.lab.ca.policy.PolicyOutcome;
import org.cews.lab.ca.policy.PolicyRequest;
import org.cews.lab.ca.request.ParsedRequest;
import org.cews.lab.ca.request.RequestAttributes;
import org.cews.lab.ca.request.RequestParser;
import org.cews.lab.ca.request.RequestRejected;
import org.cews.lab.ca.store.RequestRecord;
import org.cews.lab.ca.store.RequestStatus;
import org.cews.lab.directory.LabDirectory;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.RequestFlags;

/**
 * Runs a stored request through parsing ([MS-WCCE] 3.2.1.4.2.1.4), the policy algorithm
 * (3.2.2.6.2.1.4) and, if it issues, the issuer, and returns the row with the outcome and the
 * disposition message AD CS would write (<82>: "Issued", "Taken Under Submission", "Denied by
 * Policy Module", "Error Parsing Request", "Resubmitted by ..."). Used for new requests and again
 * when an officer approves a pending one.
 */
final class RequestEvaluator {

    private final LabDirectory directory;
    private final EnterprisePolicy policy;
    private final CertificateIssuer issuer;
    private final Clock clock;

    RequestEvaluator(LabDirectory directory, EnterprisePolicy policy, CertificateIssuer issuer, Clock clock) {
        this.directory = directory;
        this.policy = policy;
        this.issuer = issuer;
        this.clock = clock;
    }

    RequestRecord evaluate(RequestRecord row, EndEntity caller, Optional<String> approvedBy) {
        ParsedRequest parsed;
        RequestFlags flags = new RequestFlags(row.flags());
        try {
            parsed = RequestParser.parse(row.request(), flags.requestType());
        } catch (RequestRejected e) {
            return failed(row, e.code(), parseMessage(e.code()) + "  " + e.getMessage());
        }
        PolicySnapshot snapshot;
        try {
            snapshot = directory.policy();
        } catch (DirectoryException e) {
            return failed(row, CertSrvErrors.ERROR_DS_SERVER_DOWN, "The directory is unavailable: " + e.getMessage());
        }
        PolicyOutcome outcome = policy.evaluate(
                new PolicyRequest(
                        parsed, RequestAttributes.parse(row.attributes()), flags, caller, approvedBy.isPresent()),
                snapshot);
        if (outcome instanceof PolicyOutcome.Issue issue) {
            X509CertificateHolder cert = issuer.issue(issue.order(), clock.instant());
            return resolved(
                    row,
                    RequestStatus.ISSUED,
                    0,
                    approvedBy.map(o -> "Resubmitted by " + o).orElse("Issued"),
                    outcome,
                    Optional.of(encoded(cert)),
                    Optional.of(issue.order().requester()),
                    caller);
        }
        if (outcome instanceof PolicyOutcome.Pend pend) {
            return resolved(
                    row,
                    RequestStatus.PENDING,
                    0,
                    "Taken Under Submission",
                    outcome,
                    Optional.empty(),
                    Optional.of(pend.order().requester()),
                    caller);
        }
        PolicyOutcome.Deny deny = (PolicyOutcome.Deny) outcome;
        return resolved(
                row,
                RequestStatus.DENIED,
                deny.code().code(),
                String.format("Denied by Policy Module  0x%08x, %s", deny.code().code(), deny.reason()),
                outcome,
                Optional.empty(),
                deny.requester(),
                caller);
    }

    RequestRecord failed(RequestRecord row, HResult code, String message) {
        return row.outcome(
                RequestStatus.FAILED,
                code.code(),
                message,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                clock.instant());
    }

    private RequestRecord resolved(
            RequestRecord row,
            RequestStatus status,
            int code,
            String message,
            PolicyOutcome outcome,
            Optional<byte[]> cert,
            Optional<EndEntity> requester,
            EndEntity caller) {
        Optional<EndEntity> other =
                requester.filter(r -> !r.account().sid().equals(caller.account().sid()));
        return row.outcome(
                status,
                code,
                message,
                outcome.template(),
                cert,
                other.map(EndEntity::name),
                other.map(r -> r.account().sid().toString()),
                clock.instant());
    }

    private static String parseMessage(HResult code) {
        return code.equals(CertSrvErrors.NTE_BAD_SIGNATURE)
                        || code.equals(CertSrvErrors.CRYPT_E_SIGNER_NOT_FOUND)
                        || code.equals(HResult.CRYPT_E_NO_SIGNER)
                ? "Error Verifying Request Signature or Signing Certificate"
                : "Error Parsing Request";
    }

    private static byte[] encoded(X509CertificateHolder cert) {
        try {
            return cert.getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode an issued certificate: " + e.getMessage(), e);
        }
    }
}
