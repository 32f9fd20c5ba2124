package org.cews.policy.view;

import java.util.List;
import java.util.Optional;
import org.cews.policy.acl.Decision;
import org.cews.policy.model.EnrollmentServer;
import org.cews.policy.model.EnrollmentService;

/**
 * One CA of the view ([MS-XCEP] 3.1.4.1.3.2): its reference id, the pKIEnrollmentService it comes
 * from, the CES URIs to advertise (never empty), the CA certificate to send (DER, never empty) and
 * the requester's enroll permission on the CA.
 *
 * <p>enrollPermission: AD CS keeps the CA's own Request permission in the CA's registry, out of LDAP
 * reach (docs/CA-RPC-AD.md §5.6, Q6). The view evaluates Enroll on the pKIEnrollmentService object's
 * DACL when the directory returned one ({@code enrollDecision}), and reports true otherwise and in
 * key-based-renewal mode: the CA has the last word either way.
 */
public record CaEntry(
        int referenceId,
        EnrollmentService service,
        List<EnrollmentServer> uris,
        byte[] certificate,
        boolean enrollPermission,
        Optional<Decision> enrollDecision) {

    public CaEntry {
        uris = List.copyOf(uris);
        certificate = certificate.clone();
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }

    public String name() {
        return service.cn();
    }
}
