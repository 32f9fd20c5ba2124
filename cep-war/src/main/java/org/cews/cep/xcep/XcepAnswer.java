package org.cews.cep.xcep;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cews.policy.view.CaEntry;
import org.cews.policy.view.PolicyView;

/**
 * What one GetPoliciesResponse says: the caller's view, the CAs to list (the view's, or for a view
 * without templates every usable CA of the forest, so that no caller gets an empty or nil cAs:
 * docs/REAL-CLIENTS.md §2), the hours until the next update, whether the client's copy is current
 * ([MS-XCEP] 3.1.4.1.3.9: then the collections are nil), and the caller's preferred language as an
 * LCID, for the OID names the directory has in that language.
 */
public record XcepAnswer(
        PolicyView view,
        List<CaEntry> cas,
        OptionalInt nextUpdateHours,
        boolean policiesNotChanged,
        OptionalInt language) {

    /** An answer in the default language. */
    public XcepAnswer(PolicyView view, List<CaEntry> cas, OptionalInt nextUpdateHours, boolean policiesNotChanged) {
        this(view, cas, nextUpdateHours, policiesNotChanged, OptionalInt.empty());
    }

    /** The LCID of an xs:language tag, empty for a language the directory's names are not looked up in. */
    public static OptionalInt language(Optional<String> preferredLanguage) {
        return Languages.lcid(preferredLanguage);
    }

    public XcepAnswer {
        cas = List.copyOf(cas);
        if (nextUpdateHours.isPresent() && nextUpdateHours.getAsInt() < 1) {
            throw new IllegalArgumentException(
                    "nextUpdateHours must be positive ([MS-XCEP] 3.1.4.1.3.23), actual: " + nextUpdateHours.getAsInt());
        }
    }
}
