package org.cews.policy.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cews.policy.model.EnrollmentServer;
import org.cews.policy.model.EnrollmentService;

/**
 * Whether one enterprise CA can be offered in XCEP: it needs at least one CES URI (cAURI is
 * minOccurs 1, [MS-XCEP] 3.1.4.1.3.6) and a certificate ([MS-XCEP] 3.1.4.1.3.2). A CA that lacks
 * either is left out, and so is a template only such CAs publish.
 */
record CaCheck(EnrollmentService service, List<EnrollmentServer> uris, Optional<byte[]> certificate) {

    static CaCheck of(EnrollmentService service, CesUriConfig config, Instant at) {
        return new CaCheck(service, config.urisFor(service), CaCertificates.pick(service.caCertificates(), at));
    }

    boolean usable() {
        return !uris.isEmpty() && certificate.isPresent();
    }

    /** Why the CA cannot be offered; empty if it can. */
    Optional<String> problem() {
        if (uris.isEmpty()) {
            return Optional.of(service.cn() + " has no CES URI (no msPKI-Enrollment-Servers value in AD and none"
                    + " configured)");
        }
        if (certificate.isEmpty()) {
            return Optional.of(service.cn() + " has no usable CA certificate in cACertificate");
        }
        return Optional.empty();
    }
}
