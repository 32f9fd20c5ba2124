package org.cews.lab.directory;

import java.util.Optional;
import org.cews.policy.acl.Sid;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * What the lab CA reads from Active Directory, as an AD CS enterprise CA does: the enrollment
 * policy (templates, CAs, OIDs) and the requester's account (to build subjects and SANs, the SID
 * extension, and to check Enroll against its SIDs). Implemented over LDAP, so the same CA runs
 * against the lab's embedded directory or a Samba AD DC.
 */
public interface LabDirectory {

    PolicySnapshot policy() throws DirectoryException;

    /** The account an RPC caller authenticated as (NTLM: domain\\name; Kerberos: name@realm). */
    Optional<LabAccount> account(RpcPrincipal caller) throws DirectoryException;

    /**
     * The account whose objectSid is {@code sid}: the end entity a certificate's
     * szOID_NTDS_CA_SECURITY_EXT names ([MS-WCCE] 3.2.2.6.2.1.2.4 identifies the end entity of a
     * renewal on behalf of another subject from the certificate being renewed).
     */
    Optional<LabAccount> account(Sid sid) throws DirectoryException;

    /**
     * Makes the next reads see the directory as it is now, for an implementation that keeps what
     * it read ({@link CachingLabDirectory}); one that reads on every call has nothing to do.
     */
    default void refresh() throws DirectoryException {}
}
