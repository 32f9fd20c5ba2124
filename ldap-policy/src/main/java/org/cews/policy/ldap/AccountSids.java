package org.cews.policy.ldap;

import java.util.Set;
import org.cews.policy.acl.CallerSids;
import org.cews.policy.acl.Sid;

/**
 * An account's objectSid and its tokenGroups: the transitive group SIDs AD computes, primary group
 * included ([MS-ADTS] 3.1.1.4.5.19).
 */
public record AccountSids(String dn, Sid sid, Set<Sid> tokenGroups) {

    public AccountSids {
        tokenGroups = Set.copyOf(tokenGroups);
    }

    /** The SIDs an access check uses for this account logged on over the network. */
    public CallerSids callerSids() {
        return CallerSids.authenticated(sid, tokenGroups);
    }
}
