package org.cews.client.xcep;

import java.util.List;

/**
 * One CA of the policy ([MS-XCEP] 3.1.4.1.3.2): its CES URIs, its certificate (DER), whether the
 * caller may enroll there, and the id templates refer to it by.
 */
public record CertificationAuthority(int referenceId, List<CaUri> uris, byte[] certificate, boolean enrollPermission) {

    public CertificationAuthority {
        uris = List.copyOf(uris);
        certificate = certificate.clone();
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }
}
