package org.cews.lab.ca.policy;

import java.util.HashSet;
import org.cews.lab.directory.LabAccount;
import org.cews.policy.acl.CallerSids;

/**
 * An account the CA acts for or checks ([MS-WCCE] 3.2.1.4.1.2: Caller_Account_Name and
 * Caller_SID; for enroll-on-behalf-of, the requester named in the request): its directory entry,
 * the SIDs of its network logon token, and its name as the log and the request table show it.
 */
public record EndEntity(LabAccount account, CallerSids sids, String name) {

    /** The account logged on over the network: objectSid, tokenGroups and the well-known SIDs. */
    public static EndEntity of(LabAccount account, String name) {
        return new EndEntity(
                account, CallerSids.authenticated(account.sid(), new HashSet<>(account.groupSids())), name);
    }
}
