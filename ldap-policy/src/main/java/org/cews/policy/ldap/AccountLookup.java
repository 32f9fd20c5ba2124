package org.cews.policy.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cews.policy.acl.AclFormatException;
import org.cews.policy.acl.Sid;
import org.cews.policy.model.AdAttributes;

/**
 * Finds the account a caller is, in the default naming context, by what the caller's credential
 * names: the sAMAccountName (a Kerberos principal's name part, the user of DOMAIN&#92;user), the
 * userPrincipalName, the objectSid (a certificate's SID extension) or, for computers, the
 * dNSHostName (a certificate's DNS name; AD's certificate mapping, docs/AUTHENTICATION.md). Each
 * lookup is one subtree search for the entry and one base search of it for tokenGroups, which AD
 * computes only at base scope. A name that more than one account answers to is an {@link
 * AccountNotUniqueException}.
 */
public final class AccountLookup {

    public static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    public static final String USER_ACCOUNT_CONTROL = "userAccountControl";

    /** [MS-ADTS] 2.2.16 userAccountControl ADS_UF_ACCOUNTDISABLE. */
    static final int ACCOUNT_DISABLE = 0x2;

    private static final Filter ACCOUNTS = Filter.createEqualityFilter("objectClass", "user");
    private static final Filter COMPUTERS = Filter.createEqualityFilter("objectClass", "computer");

    private final DirectoryConnector connector;

    public AccountLookup(DirectoryConnector connector) {
        this.connector = connector;
    }

    public Optional<DirectoryAccount> bySamAccountName(String samAccountName) throws DirectoryException {
        return find(
                "sAMAccountName " + samAccountName,
                Filter.createANDFilter(
                        ACCOUNTS, Filter.createEqualityFilter(AdAttributes.SAM_ACCOUNT_NAME, samAccountName)));
    }

    public Optional<DirectoryAccount> byUserPrincipalName(String upn) throws DirectoryException {
        return find(
                "userPrincipalName " + upn,
                Filter.createANDFilter(ACCOUNTS, Filter.createEqualityFilter(USER_PRINCIPAL_NAME, upn)));
    }

    public Optional<DirectoryAccount> bySid(Sid sid) throws DirectoryException {
        return find(
                "objectSid " + sid,
                Filter.createANDFilter(ACCOUNTS, Filter.createEqualityFilter(AdAttributes.OBJECT_SID, sid.encode())));
    }

    /** A computer account by its DNS name ({@code web01.lab.example}); users have none. */
    public Optional<DirectoryAccount> byDnsHostName(String dnsHostName) throws DirectoryException {
        return find(
                "dNSHostName " + dnsHostName,
                Filter.createANDFilter(
                        COMPUTERS, Filter.createEqualityFilter(AdAttributes.DNS_HOST_NAME, dnsHostName)));
    }

    private Optional<DirectoryAccount> find(String what, Filter filter) throws DirectoryException {
        try (LDAPConnection connection = connector.connect()) {
            String base = AdPolicyReader.rootDseValue(connection, AdPolicyReader.DEFAULT_NC);
            SearchRequest search = new SearchRequest(
                    base,
                    SearchScope.SUB,
                    filter,
                    AdAttributes.SAM_ACCOUNT_NAME,
                    AdAttributes.OBJECT_SID,
                    USER_ACCOUNT_CONTROL);
            List<SearchResultEntry> found = connection.search(search).getSearchEntries();
            if (found.size() > 1) {
                throw new AccountNotUniqueException(found.size() + " accounts have the " + what + " under " + base
                        + ": " + found.stream().map(SearchResultEntry::getDN).toList());
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(account(connection, found.get(0)));
        } catch (LDAPException e) {
            throw new DirectoryException(
                    "looking up the account with the " + what + " failed (servers " + connector.describeServers()
                            + "): " + e.getResultCode()
                            + (e.getDiagnosticMessage() == null ? "" : ": " + e.getDiagnosticMessage()),
                    e);
        }
    }

    private static DirectoryAccount account(LDAPConnection connection, SearchResultEntry entry)
            throws LDAPException, DirectoryException {
        String dn = entry.getDN();
        String sam = entry.getAttributeValue(AdAttributes.SAM_ACCOUNT_NAME);
        byte[] sid = entry.getAttributeValueBytes(AdAttributes.OBJECT_SID);
        if (sam == null || sid == null) {
            throw new DirectoryException(dn + ": an account needs a sAMAccountName and an objectSid");
        }
        Integer control = entry.getAttributeValueAsInteger(USER_ACCOUNT_CONTROL);
        SearchResultEntry groups = connection.searchForEntry(new SearchRequest(
                dn, SearchScope.BASE, Filter.createPresenceFilter("objectClass"), AdAttributes.TOKEN_GROUPS));
        Set<Sid> tokenGroups = new LinkedHashSet<>();
        byte[][] values = groups == null ? null : groups.getAttributeValueByteArrays(AdAttributes.TOKEN_GROUPS);
        try {
            for (byte[] value : values == null ? new byte[0][] : values) {
                tokenGroups.add(Sid.decode(value));
            }
            return new DirectoryAccount(
                    dn, sam, Sid.decode(sid), tokenGroups, control != null && (control & ACCOUNT_DISABLE) != 0);
        } catch (AclFormatException e) {
            throw new DirectoryException(dn + ": undecodable SID: " + e.getMessage(), e);
        }
    }
}
