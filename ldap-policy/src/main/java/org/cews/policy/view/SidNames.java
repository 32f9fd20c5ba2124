package org.cews.policy.view;

import java.util.Map;
import java.util.Optional;
import org.cews.policy.acl.Sid;
import org.cews.policy.acl.WellKnownSids;
import org.cews.policy.ldap.AdPolicyReader;
import org.cews.policy.ldap.DirectoryException;

/**
 * Names for SIDs in sentences an administrator reads. The well-known SIDs and domain RIDs of
 * [MS-DTYP] 2.4.2.4 are named without asking anyone; other names come from wherever the caller of
 * "explain" has them (the directory, {@code AdPolicyReader#accountName}, or a map). A SID without a
 * name is printed alone.
 */
@FunctionalInterface
public interface SidNames {

    Optional<String> name(Sid sid);

    /** Names no directory is needed for. */
    static SidNames wellKnown() {
        return WellKnownNames::name;
    }

    static SidNames of(Map<Sid, String> names) {
        Map<Sid, String> copy = Map.copyOf(names);
        return sid -> Optional.ofNullable(copy.get(sid));
    }

    /**
     * Names from the directory, one lookup per SID; a failed lookup gives no name (the sentence then
     * shows the SID alone, which is still correct).
     */
    static SidNames directory(AdPolicyReader reader) {
        return sid -> {
            try {
                return reader.accountName(sid);
            } catch (DirectoryException e) {
                return Optional.empty();
            }
        };
    }

    /** This resolver's name, else {@code other}'s. */
    default SidNames orElse(SidNames other) {
        return sid -> name(sid).or(() -> other.name(sid));
    }

    /** {@code S-1-5-21-...-1111 (PKI Enroll Blocked)}, or the SID alone. */
    default String describe(Sid sid) {
        return sid + name(sid).map(n -> " (" + n + ")").orElse("");
    }

    /** The table behind {@link #wellKnown()}. */
    final class WellKnownNames {

        private static final Map<Sid, String> FIXED = Map.ofEntries(
                Map.entry(WellKnownSids.EVERYONE, "Everyone"),
                Map.entry(WellKnownSids.CREATOR_OWNER, "Creator Owner"),
                Map.entry(WellKnownSids.NETWORK, "Network"),
                Map.entry(WellKnownSids.ANONYMOUS, "Anonymous Logon"),
                Map.entry(WellKnownSids.ENTERPRISE_DOMAIN_CONTROLLERS, "Enterprise Domain Controllers"),
                Map.entry(WellKnownSids.PRINCIPAL_SELF, "Principal Self"),
                Map.entry(WellKnownSids.AUTHENTICATED_USERS, "Authenticated Users"),
                Map.entry(WellKnownSids.THIS_ORGANIZATION, "This Organization"),
                Map.entry(WellKnownSids.LOCAL_SYSTEM, "Local System"),
                Map.entry(WellKnownSids.BUILTIN_ADMINISTRATORS, "Administrators"),
                Map.entry(WellKnownSids.BUILTIN_USERS, "Users"));

        private static final Map<Long, String> DOMAIN_RIDS = Map.of(
                (long) WellKnownSids.RID_ADMINISTRATOR, "Administrator",
                (long) WellKnownSids.RID_DOMAIN_ADMINS, "Domain Admins",
                (long) WellKnownSids.RID_DOMAIN_USERS, "Domain Users",
                (long) WellKnownSids.RID_DOMAIN_GUESTS, "Domain Guests",
                (long) WellKnownSids.RID_DOMAIN_COMPUTERS, "Domain Computers",
                (long) WellKnownSids.RID_DOMAIN_CONTROLLERS, "Domain Controllers",
                (long) WellKnownSids.RID_CERT_PUBLISHERS, "Cert Publishers",
                (long) WellKnownSids.RID_SCHEMA_ADMINS, "Schema Admins",
                (long) WellKnownSids.RID_ENTERPRISE_ADMINS, "Enterprise Admins");

        private WellKnownNames() {}

        static Optional<String> name(Sid sid) {
            String fixed = FIXED.get(sid);
            if (fixed != null) {
                return Optional.of(fixed);
            }
            boolean domainAccount = sid.authority() == 5 && sid.subAuthorityCount() == 5 && sid.subAuthority(0) == 21;
            return domainAccount ? Optional.ofNullable(DOMAIN_RIDS.get(sid.subAuthority(4))) : Optional.empty();
        }
    }
}
