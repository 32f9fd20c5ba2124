package org.cews.cep.xcep;

import java.util.List;
import java.util.OptionalInt;
import org.cews.policy.view.CaEntry;
import org.cews.policy.view.PolicyView;

/**
 * What one GetPoliciesResponse says: the caller's view, the CAs to list (the view's, or for a view
 * without templates every usable CA of the forest, so that no caller gets an empty or nil cAs:
 * docs/REAL-CLIENTS.md), the hours until the next update, and whether the client's copy is
 * current ([MS-XCEP] 3.1.4.1.3.9: then the collections are nil).
 */
public record XcepAnswer(PolicyView view, List<CaEntry> cas, OptionalInt nextUpdateHours, boolean policiesNotChanged) {

    public XcepAnswer {
        cas = List.copyOf(cas);
        if (nextUpdateHours.isPresent() && nextUpdateHours.getAsInt() < 1) {
            throw new IllegalArgumentException(
                    "nextUpdateHours must be positive ([MS-XCEP] 3.1.4.1.3.23), actual: " + nextUpdateHours.getAsInt());
        }
    }
}
