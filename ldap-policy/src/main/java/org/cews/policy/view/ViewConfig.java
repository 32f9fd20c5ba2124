package org.cews.policy.view;

import java.util.Optional;

/**
 * The CEP's own settings for every view: the policyID, stable across responses and across CEP
 * instances serving the same forest ([MS-XCEP] 3.1.4.1.3.23; Windows caches per policyID,
 * docs/XCEP-WSTEP.md §2.4 rule 4), the friendly name, and the CES URIs per CA.
 */
public record ViewConfig(String policyId, Optional<String> friendlyName, CesUriConfig cesUris) {

    public ViewConfig {
        if (policyId == null || policyId.isBlank()) {
            throw new IllegalArgumentException("a policyID must be configured: clients cache the policy by it");
        }
    }

    public static ViewConfig of(String policyId) {
        return new ViewConfig(policyId, Optional.empty(), CesUriConfig.FROM_DIRECTORY);
    }

    public ViewConfig withCesUris(CesUriConfig uris) {
        return new ViewConfig(policyId, friendlyName, uris);
    }
}
