package org.cews.lab.ca;

import java.util.Optional;
import org.cews.lab.ca.policy.EndEntity;
import org.cews.lab.directory.LabDirectory;
import org.cews.policy.ldap.DirectoryException;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * [MS-WCCE] 3.2.1.4.1.2: the end entity behind an RPC principal (Caller_Account_Name and
 * Caller_SID), read from the directory with its token SIDs.
 */
final class CallerLookup {

    private final LabDirectory directory;

    CallerLookup(LabDirectory directory) {
        this.directory = directory;
    }

    Optional<EndEntity> find(RpcPrincipal caller) throws DirectoryException {
        return directory.account(caller).map(a -> EndEntity.of(a, caller.toString()));
    }
}
