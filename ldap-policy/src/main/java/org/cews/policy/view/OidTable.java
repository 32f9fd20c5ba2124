package org.cews.policy.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnterpriseOid;
import org.cews.policy.model.Oid;

/**
 * Collects the OIDs offered templates refer to ([MS-XCEP] 3.1.4.1.3.17) and numbers them from 1 in
 * the order first met: per template its OID (group 9), EKUs and application policies (7), issuance
 * policies (8), then the RA's issuance (8) and application policies (7). One entry per value and
 * group. Names: the forest's msPKI-Enterprise-Oid (en-US name, else displayName), for a template
 * OID the template's display name (docs/XCEP-WSTEP.md §2.5 A), else a well-known name.
 */
final class OidTable {

    private static final int EN_US = 1033;

    private final PolicySnapshot snapshot;
    private final Map<String, OidEntry> entries = new LinkedHashMap<>();

    OidTable(PolicySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** Adds every OID {@code t} refers to; returns the reference of its template OID. */
    OptionalInt addAll(CertificateTemplate t) {
        OptionalInt own = t.oid()
                .map(oid -> OptionalInt.of(add(oid, OidGroup.ENROLLMENT_OBJECT, Optional.of(t.displayName()))))
                .orElse(OptionalInt.empty());
        t.extendedKeyUsages().forEach(o -> add(o, OidGroup.EKU, Optional.empty()));
        t.applicationPolicies().forEach(o -> add(o, OidGroup.EKU, Optional.empty()));
        t.issuancePolicies().forEach(o -> add(o, OidGroup.CERTIFICATE_POLICY, Optional.empty()));
        t.raRequirements().issuancePolicies().forEach(o -> add(o, OidGroup.CERTIFICATE_POLICY, Optional.empty()));
        t.raRequirements()
                .applicationPolicies()
                .raApplicationPolicies()
                .forEach(o -> add(o, OidGroup.EKU, Optional.empty()));
        return own;
    }

    List<OidEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    private int add(Oid oid, OidGroup group, Optional<String> fallbackName) {
        OidEntry entry = entries.computeIfAbsent(group.code() + " " + oid.value(), k -> {
            Optional<EnterpriseOid> enterprise = snapshot.enterpriseOid(oid);
            Optional<String> name = enterprise
                    .flatMap(e -> e.name(EN_US))
                    .or(() -> fallbackName)
                    .or(() -> WellKnownOids.name(oid));
            return new OidEntry(entries.size() + 1, oid, group, name, enterprise);
        });
        return entry.referenceId();
    }
}
