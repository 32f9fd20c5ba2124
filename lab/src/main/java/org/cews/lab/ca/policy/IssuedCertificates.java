package org.cews.lab.ca.policy;

import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.policy.acl.Sid;

/**
 * The CA's own record of the certificates it issued ([MS-WCCE] 3.2.1.1.1, the Request table): for
 * a certificate of this CA, the SID of the end entity it was issued to (the requester of an
 * on-behalf-of request, else the caller). A renewal on behalf of another subject whose certificate
 * names no account (no SID extension, no UPN: an enrollee-supplied subject, as key-based renewal
 * templates have) identifies its end entity here ([MS-WCCE] 3.2.2.6.2.1.2.4).
 */
@FunctionalInterface
public interface IssuedCertificates {

    Optional<Sid> endEntity(X509CertificateHolder certificate);
}
