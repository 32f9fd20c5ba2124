package org.cews.lab.ca.policy;

import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.cews.policy.model.CertificateTemplate;

/**
 * What the policy algorithm decided to certify ([MS-WCCE] 3.2.1.4.2.1.4.7): the subject, the key,
 * the template-driven extensions and the validity; the issuer adds serial, dates, SKI, AKI and
 * revocation pointers.
 */
public record CertificateOrder(
        CertificateTemplate template,
        EndEntity requester,
        X500Name subject,
        SubjectPublicKeyInfo publicKey,
        List<Extension> extensions,
        Duration validity) {

    public CertificateOrder {
        extensions = List.copyOf(extensions);
    }
}
