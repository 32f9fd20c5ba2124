package org.cews.client.xcep;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A GetPoliciesResponse ([MS-XCEP] 3.1.4.1.2.2, 3.1.4.1.3.23): the Response with its templates,
 * the CAs and the OIDs. Nil collections are empty lists.
 */
public record EnrollmentPolicy(
        String policyId,
        String friendlyName,
        OptionalInt nextUpdateHours,
        boolean policiesNotChanged,
        List<Template> templates,
        List<CertificationAuthority> cas,
        List<PolicyOid> oids) {

    public EnrollmentPolicy {
        templates = List.copyOf(templates);
        cas = List.copyOf(cas);
        oids = List.copyOf(oids);
    }

    public Optional<Template> template(String commonName) {
        return templates.stream()
                .filter(t -> t.commonName().equalsIgnoreCase(commonName))
                .findFirst();
    }

    public Optional<CertificationAuthority> ca(int referenceId) {
        return cas.stream().filter(c -> c.referenceId() == referenceId).findFirst();
    }

    public Optional<PolicyOid> oid(int referenceId) {
        return oids.stream().filter(o -> o.referenceId() == referenceId).findFirst();
    }

    /** The template's OID (group 9), when the policy lists it. */
    public Optional<PolicyOid> templateOid(Template t) {
        return oid(t.policyOidReference());
    }

    /** The CAs that issue this template, in the order the template names them. */
    public List<CertificationAuthority> casOf(Template t) {
        return t.caReferences().stream().flatMap(r -> ca(r).stream()).toList();
    }
}
