package org.cews.lab.ca.policy;

import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The names the CA will certify: the subject (possibly empty), the subject alternative names and
 * the szOID_NTDS_CA_SECURITY_EXT extension, if any ([MS-WCCE] 3.2.2.6.2.1.4.5.9).
 */
public record SubjectNames(X500Name subject, List<GeneralName> altNames, Optional<Extension> securityExtension) {

    public SubjectNames {
        altNames = List.copyOf(altNames);
    }
}
