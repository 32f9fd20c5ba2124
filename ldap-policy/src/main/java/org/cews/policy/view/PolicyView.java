package org.cews.policy.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cews.policy.model.Oid;

/**
 * The enrollment policy one requester gets for one request: the content of a GetPoliciesResponse
 * ([MS-XCEP] 3.1.4.1.2.2) before it becomes XML. Only templates that a CA of the snapshot
 * publishes, that pass the request's filters and that the requester may enroll for (in
 * key-based-renewal mode: that allow key-based renewal); the CAs those templates name; the OIDs
 * they refer to. Reference ids are unique within the view; CAs count from 0, OIDs from 1, in the
 * order they are listed.
 *
 * @param policyId the configured, stable policyID (3.1.4.1.3.23; docs/XCEP-WSTEP.md §2.4 rule 4)
 * @param lastUpdate when the policy content last changed: the server's LastUpdateTime (3.1.1)
 */
public record PolicyView(
        String policyId,
        Optional<String> friendlyName,
        Instant lastUpdate,
        Caller caller,
        RequestFilter filter,
        List<PolicyEntry> policies,
        List<CaEntry> cas,
        List<OidEntry> oids) {

    public PolicyView {
        policies = List.copyOf(policies);
        cas = List.copyOf(cas);
        oids = List.copyOf(oids);
    }

    /**
     * True if a client that last retrieved the policy at {@code clientLastUpdate} may be answered
     * policiesNotChanged (3.1.4.1.3.9): its time is equal to or newer than lastUpdate. An absent
     * (nil) time is older than any ([MS-XCEP] 3.1.4.1.3.9), so the answer is then false.
     */
    public boolean unchangedSince(Optional<Instant> clientLastUpdate) {
        return clientLastUpdate.isPresent() && !clientLastUpdate.get().isBefore(lastUpdate);
    }

    public Optional<PolicyEntry> policy(String templateName) {
        return policies.stream()
                .filter(p -> p.name().equalsIgnoreCase(templateName))
                .findFirst();
    }

    public Optional<CaEntry> ca(int referenceId) {
        return cas.stream().filter(c -> c.referenceId() == referenceId).findFirst();
    }

    public Optional<OidEntry> oid(Oid oid) {
        return oids.stream().filter(o -> o.oid().equals(oid)).findFirst();
    }

    public OptionalInt oidReference(Oid oid) {
        return oid(oid).map(o -> OptionalInt.of(o.referenceId())).orElse(OptionalInt.empty());
    }

    /** The templates offered, by cn, in view order. */
    public List<String> templateNames() {
        return policies.stream().map(PolicyEntry::name).toList();
    }
}
