package org.cews.policy.view;

import java.util.List;
import java.util.OptionalInt;
import org.cews.policy.model.CertificateTemplate;

/**
 * One offered template ([MS-XCEP] 3.1.4.1.3.7 CertificateEnrollmentPolicy): the template as AD holds
 * it, the requester's permission, the reference ids of the CAs that publish it (cAs/cAReference)
 * and of its template OID (policyOIDReference; empty only for a template without
 * msPKI-Cert-Template-OID).
 */
public record PolicyEntry(
        CertificateTemplate template, Permission permission, List<Integer> caReferences, OptionalInt oidReference) {

    public PolicyEntry {
        caReferences = List.copyOf(caReferences);
    }

    public String name() {
        return template.cn();
    }
}
