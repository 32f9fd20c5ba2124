package org.cews.policy.view;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.cews.policy.model.Oid;

/**
 * What one GetPolicies request asks for: the RequestFilter of [MS-XCEP] 3.1.4.1.3.22 plus the mode
 * of the endpoint it arrived at.
 *
 * <ul>
 *   <li>{@code clientVersion} Z and {@code serverVersion} Y keep only templates whose
 *       msPKI-Private-Key-Flag nibbles ([MS-CRTD] 2.27) are at most Z (mask 0x0F000000) and Y (mask
 *       0x000F0000). Absent (xsi:nil), 0 or negative means no filter: AD CS returns every template
 *       for 0/0 although the text of 3.1.4.1.3.22 would compare against 0 (docs/XCEP-WSTEP.md §2.2,
 *       cepces issue #74).
 *   <li>{@code policyOids}: absent (nil) means no OID filter; present keeps the templates whose
 *       msPKI-Cert-Template-OID is listed (3.1.4.1.3.14).
 *   <li>{@code keyBasedRenewal}: the request came to the key-based-renewal CEP, which "returns only
 *       certificate templates that are set for key-based renewal" (docs/XCEP-WSTEP.md §3.8 item 4,
 *       KBR-DOC).
 * </ul>
 */
public record RequestFilter(
        OptionalInt clientVersion, OptionalInt serverVersion, Optional<Set<Oid>> policyOids, boolean keyBasedRenewal) {

    /** No filter at all: what a nil requestFilter means (3.1.4.1.2.1). */
    public static final RequestFilter NONE =
            new RequestFilter(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), false);

    /** No filter, on the key-based-renewal endpoint. */
    public static final RequestFilter KEY_BASED_RENEWAL =
            new RequestFilter(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), true);

    public RequestFilter {
        policyOids = policyOids.map(Set::copyOf);
    }

    /** The request's values as the endpoint parsed them; {@code null} stands for xsi:nil. */
    public static RequestFilter of(Integer clientVersion, Integer serverVersion, boolean keyBasedRenewal) {
        return new RequestFilter(optional(clientVersion), optional(serverVersion), Optional.empty(), keyBasedRenewal);
    }

    public RequestFilter withPolicyOids(Set<Oid> oids) {
        return new RequestFilter(clientVersion, serverVersion, Optional.of(oids), keyBasedRenewal);
    }

    /** The client version templates must not exceed, if the request filters on it (above 0). */
    public OptionalInt clientVersionLimit() {
        return limit(clientVersion);
    }

    /** The CA version templates must not exceed, if the request filters on it (above 0). */
    public OptionalInt serverVersionLimit() {
        return limit(serverVersion);
    }

    private static OptionalInt limit(OptionalInt value) {
        return value.isPresent() && value.getAsInt() > 0 ? value : OptionalInt.empty();
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
