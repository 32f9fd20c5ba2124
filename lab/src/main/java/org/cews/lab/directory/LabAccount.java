package org.cews.lab.directory;

import java.util.List;
import java.util.Optional;
import org.cews.policy.acl.Sid;

/**
 * A user or computer account as the CA needs it ([MS-WCCE] 3.2.2.6.2.1.4.5: subject and
 * alternative names built from the directory): where it is, its SIDs (its own and tokenGroups),
 * and the attributes the certificate name flags may ask for.
 */
public record LabAccount(
        String dn,
        String samAccountName,
        Sid sid,
        List<Sid> groupSids,
        boolean computer,
        Optional<String> userPrincipalName,
        Optional<String> mail,
        Optional<String> dnsHostName,
        Optional<String> displayName) {

    public LabAccount {
        groupSids = List.copyOf(groupSids);
    }
}
