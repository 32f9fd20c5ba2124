package org.cews.policy.acl;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The SIDs an access check compares ACE trustees with: the caller's own SID, its groups (from
 * tokenGroups, which includes the primary group, or from the PAC Elytron already holds), and the
 * well-known SIDs the token of a network logon carries ([MS-DTYP] 2.4.2.4; tokenGroups does not
 * contain them, docs/CA-RPC-AD.md §6.2).
 */
public record CallerSids(Sid user, Set<Sid> all) {

    public CallerSids {
        if (user == null) {
            throw new IllegalArgumentException("the caller's SID is required");
        }
        Set<Sid> copy = new LinkedHashSet<>();
        copy.add(user);
        copy.addAll(all);
        all = Set.copyOf(copy);
    }

    /**
     * An authenticated domain account: its SID and groups plus Everyone, Authenticated Users, This
     * Organization and Network (the last is what a CA sees for a remote logon; an inference).
     */
    public static CallerSids authenticated(Sid user, Set<Sid> groups) {
        Set<Sid> all = new LinkedHashSet<>(groups);
        all.add(WellKnownSids.EVERYONE);
        all.add(WellKnownSids.AUTHENTICATED_USERS);
        all.add(WellKnownSids.THIS_ORGANIZATION);
        all.add(WellKnownSids.NETWORK);
        return new CallerSids(user, all);
    }

    /** Exactly the given SIDs, nothing added (for tests and for callers that built the token). */
    public static CallerSids exactly(Sid user, Set<Sid> groups) {
        return new CallerSids(user, groups);
    }

    public boolean contains(Sid sid) {
        return all.contains(sid);
    }
}
