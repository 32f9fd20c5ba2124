package org.cews.lab.ca;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.issue.CaIdentity;
import org.cews.lab.ca.issue.CertificateResponses;
import org.cews.lab.ca.store.RequestRecord;
import org.cews.lab.ca.store.RequestStatus;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.CertTransBlob;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.RequestFlag;
import org.cews.wcce.msicpr.RequestFlags;

/**
 * The out parameters of CertServerRequest for a request row ([MS-WCCE] 3.2.1.4.2.1, [MS-ICPR]
 * 3.2.4.1.1).
 *
 * <ul>
 *   <li>A new request: issued is 3 with the certificate, pending 5, and a denial or failure puts its
 *       HRESULT in {@code pdwDisposition}; the return value stays 0 ("The server MUST return errors
 *       through the pdwDisposition parameter").
 *   <li>Status inspection (3.2.1.4.2.1.3): issued 3 with the certificate, pending 5, denied 2 with
 *       the status code as return value (0x80094014 for an officer's denial, as the spec says; the
 *       policy HRESULT for a policy denial [inferred]), failed: the HRESULT as disposition.
 *   <li>{@code pctbCertChain} is the certs-only CMS when a certificate is returned, or, with
 *       CR_IN_FULLRESPONSE, a CMC full response for every outcome (3.2.1.4.2.1.4.8.2).
 * </ul>
 */
final class Responses {

    private final CaIdentity ca;

    Responses(CaIdentity ca) {
        this.ca = ca;
    }

    /** A call refused before any request row: only the return value says why. */
    static CertServerRequestResponse refused(int requestId, HResult returnValue) {
        return new CertServerRequestResponse(requestId, Disposition.INCOMPLETE, null, null, "", returnValue);
    }

    CertServerRequestResponse forNewRequest(RequestRecord row, RequestFlags flags) {
        Disposition d =
                switch (row.status()) {
                    case ISSUED -> Disposition.ISSUED;
                    case PENDING -> Disposition.UNDER_SUBMISSION;
                    case DENIED, FAILED -> new Disposition(row.statusCode());
                };
        return build(row, flags, d, HResult.S_OK);
    }

    CertServerRequestResponse forInspection(RequestRecord row, RequestFlags flags) {
        return switch (row.status()) {
            case ISSUED -> build(row, flags, Disposition.ISSUED, HResult.S_OK);
            case PENDING -> build(row, flags, Disposition.UNDER_SUBMISSION, HResult.S_OK);
            case DENIED -> build(row, flags, Disposition.DENIED, new HResult(row.statusCode()));
            case FAILED -> build(row, flags, new Disposition(row.statusCode()), HResult.S_OK);
        };
    }

    private CertServerRequestResponse build(RequestRecord row, RequestFlags flags, Disposition d, HResult rv) {
        Optional<X509CertificateHolder> cert = row.certificate().map(Responses::holder);
        CertTransBlob chain = CertTransBlob.EMPTY;
        if (flags.has(RequestFlag.FULL_RESPONSE)) {
            CertificateResponses.Status status =
                    switch (row.status()) {
                        case ISSUED -> CertificateResponses.Status.ISSUED;
                        case PENDING -> CertificateResponses.Status.PENDING;
                        default -> CertificateResponses.Status.FAILED;
                    };
            chain = new CertTransBlob(
                    CertificateResponses.fullResponse(ca, status, row.message(), row.id(), row.submitted(), cert));
        } else if (cert.isPresent()) {
            chain = new CertTransBlob(CertificateResponses.certsOnly(List.of(cert.get(), ca.certificate())));
        }
        CertTransBlob encoded = row.status() == RequestStatus.ISSUED
                ? new CertTransBlob(row.certificate().orElseThrow())
                : null;
        return new CertServerRequestResponse(row.id(), d, chain, encoded, row.message(), rv);
    }

    private static X509CertificateHolder holder(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException e) {
            throw new IllegalStateException("a stored certificate does not decode: " + e.getMessage(), e);
        }
    }
}
