package org.cews.lab.ca.policy;

import java.util.LinkedHashSet;
import java.util.Set;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.MsOids;

/**
 * What a signer certificate is good for, as [MS-WCCE] 3.2.2.6.2.1.4.5.3-4 compare it with
 * msPKI-RA-Policies and msPKI-RA-Application-Policies: the KeyPurposeIDs of its EKU extension plus
 * the OIDs of its application policies extension (Windows treats both as application policies),
 * and the OIDs of its certificate policies extension.
 */
final class CertificatePurposes {

    private CertificatePurposes() {}

    static Set<String> applicationPolicies(X509CertificateHolder cert) {
        Set<String> oids = new LinkedHashSet<>();
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(cert.getExtensions());
        if (eku != null) {
            for (KeyPurposeId id : eku.getUsages()) {
                oids.add(id.getId());
            }
        }
        oids.addAll(policyOids(cert, MsOids.APPLICATION_POLICIES));
        return oids;
    }

    static Set<String> issuancePolicies(X509CertificateHolder cert) {
        return policyOids(cert, Extension.certificatePolicies);
    }

    private static Set<String> policyOids(X509CertificateHolder cert, org.bouncycastle.asn1.ASN1ObjectIdentifier ext) {
        Set<String> oids = new LinkedHashSet<>();
        Extension e = cert.getExtension(ext);
        if (e != null) {
            for (PolicyInformation p :
                    CertificatePolicies.getInstance(e.getParsedValue()).getPolicyInformation()) {
                oids.add(p.getPolicyIdentifier().getId());
            }
        }
        return oids;
    }
}
