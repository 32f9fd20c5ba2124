package org.cews.policy.ldap;

import java.util.Set;
import org.cews.policy.acl.Sid;

/**
 * A user or computer account as a caller is mapped to it: its DN, sAMAccountName, objectSid, its
 * tokenGroups (the transitive group SIDs AD computes, primary group included; [MS-ADTS]
 * 3.1.1.4.5.19) and whether it is disabled (userAccountControl ACCOUNTDISABLE, 0x2, [MS-ADTS]
 * 2.2.16).
 */
public record DirectoryAccount(String dn, String samAccountName, Sid sid, Set<Sid> tokenGroups, boolean disabled) {

    public DirectoryAccount {
        tokenGroups = Set.copyOf(tokenGroups);
    }

    /** The SIDs, as the policy view takes them. */
    public AccountSids sids() {
        return new AccountSids(dn, sid, tokenGroups);
    }
}
