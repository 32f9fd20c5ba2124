package org.cews.cep.xcep;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.cews.policy.model.Oid;
import org.cews.policy.view.RequestFilter;

/**
 * A GetPolicies request ([MS-XCEP] 3.1.4.1.2.1) as read: the client's last update (3.1.4.1.3.9;
 * empty when nil, absent or unparsable, which all mean "older than any policy"), its preferred
 * language, and the RequestFilter (3.1.4.1.3.22; every part empty when nil).
 */
public record GetPoliciesRequest(
        Optional<Instant> lastUpdate,
        Optional<String> preferredLanguage,
        Optional<Set<Oid>> policyOids,
        OptionalInt clientVersion,
        OptionalInt serverVersion) {

    public GetPoliciesRequest {
        policyOids = policyOids.map(Set::copyOf);
    }

    /**
     * The filter for ldap-policy's view, on an endpoint that serves key-based renewal or not. A
     * version of 0 or less filters nothing, like nil (docs/REAL-CLIENTS.md §1), and is given as
     * absent, so that cepces 0.3.16 (nil) and 0.3.17 (0) share one cached answer.
     */
    public RequestFilter filter(boolean keyBasedRenewal) {
        return new RequestFilter(positive(clientVersion), positive(serverVersion), policyOids, keyBasedRenewal);
    }

    private static OptionalInt positive(OptionalInt version) {
        return version.isPresent() && version.getAsInt() > 0 ? version : OptionalInt.empty();
    }
}
