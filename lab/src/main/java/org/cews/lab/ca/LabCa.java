package org.cews.lab.ca;

import java.security.cert.X509Certificate;
import java.util.List;
import org.cews.policy.ldap.DirectoryException;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * The lab's stand-in for an AD CS enterprise CA, as the rest of the lab sees it: the RPC server
 * hands it each MS-ICPR CertServerRequest with the authenticated caller, the officer command
 * approves or denies pending requests, and the directory publishes its certificate.
 */
public interface LabCa {

    /** The CA's name: the {@code pwszAuthority} it answers to and the cn of its pKIEnrollmentService. */
    String name();

    /** The issuing CA certificate first, then its issuers up to the root. */
    List<X509Certificate> chain();

    /**
     * Processes one CertServerRequest ([MS-WCCE] 3.2.1.4.3.1 via [MS-ICPR] 3.2.4.1.1): a new
     * request (issue, deny or pend) or a status inspection by RequestID. Never throws for a bad
     * request: every refusal is a disposition with an HRESULT, as AD CS answers.
     */
    CertServerRequestResponse process(CertServerRequest request, RpcPrincipal caller);

    /**
     * The CAs this engine answers for, each with its own name and certificate (the lab publishes
     * each in the directory and the AIA folder): itself, unless it hosts several.
     */
    default List<LabCa> authorities() {
        return List.of(this);
    }

    /** Requests waiting for an officer, oldest first (per CA, when the engine hosts several). */
    List<PendingRequest> pending();

    /**
     * Issues a pending request; false if no such pending request. An engine hosting several CAs
     * acts only where the ID is unambiguous ({@link OfficerChoice}); officers name the CA there.
     */
    boolean approve(int requestId, String officer);

    /** Denies a pending request; false if no such pending request. Several CAs: as {@link #approve}. */
    boolean deny(int requestId, String officer);

    /**
     * Makes the CA see its directory as it is now, for an engine that keeps what it read there
     * (the enterprise CA emulator: templates, CAs, accounts); others have nothing to do.
     */
    default void refreshDirectory() throws DirectoryException {}

    /**
     * The CA's revocation (officer revoke, CRL, OCSP status), for an engine that keeps one; an
     * engine hosting several CAs has it per {@link #authorities() authority}.
     */
    default java.util.Optional<org.cews.lab.ca.revocation.CaRevocation> revocation() {
        return java.util.Optional.empty();
    }

    /** One request under submission at CA {@code ca}, whose request ID it is. */
    record PendingRequest(String ca, int requestId, String requester, String template, java.time.Instant submitted) {}
}
