package org.cews.policy.model;

import java.util.List;

/**
 * What a request must carry from registration authorities ([MS-CRTD] 2.18, 2.22, 2.23): the
 * number of RA signatures, the issuance policies and the application policies their certificates
 * must hold. XCEP rARequirements.
 */
public record RaRequirements(int signatures, List<Oid> issuancePolicies, RaApplicationPolicies applicationPolicies) {

    public static final RaRequirements NONE = new RaRequirements(0, List.of(), RaApplicationPolicies.NONE);

    public RaRequirements {
        issuancePolicies = List.copyOf(issuancePolicies);
    }
}
