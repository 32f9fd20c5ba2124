package org.cews.lab.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cews.policy.acl.Sid;
import org.cews.policy.ldap.AccountSids;
import org.cews.policy.ldap.AdPolicyReader;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.AdAttributes;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * {@link LabDirectory} over LDAP, as an enterprise CA reads AD ([MS-WCCE] 3.2.2.1.2 "Retrieving
 * End Entity Attributes"): the policy with ldap-policy's {@link AdPolicyReader}, the account by
 * sAMAccountName ({@link AccountNames}), its objectSid and tokenGroups with a base-scope read
 * (docs/CA-RPC-AD.md §6.2), and the attributes the name flags use: userPrincipalName, mail, dNSHostName,
 * displayName, and objectClass computer. One connection per call, as the reader does.
 */
public final class LdapLabDirectory implements LabDirectory {

    private static final String[] ATTRIBUTES = {
        "objectClass",
        "userPrincipalName",
        "mail",
        AdAttributes.DNS_HOST_NAME,
        AdAttributes.DISPLAY_NAME,
        AdAttributes.SAM_ACCOUNT_NAME
    };

    private final DirectoryConnector connector;
    private final AdPolicyReader reader;

    public LdapLabDirectory(DirectoryConnector connector, Clock clock) {
        this.connector = connector;
        this.reader = new AdPolicyReader(connector, clock);
    }

    @Override
    public PolicySnapshot policy() throws DirectoryException {
        return reader.read();
    }

    @Override
    public Optional<LabAccount> account(RpcPrincipal caller) throws DirectoryException {
        Optional<String> sam = AccountNames.samAccountName(caller);
        if (sam.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> dn = reader.findAccount(sam.get());
        if (dn.isEmpty()) {
            return Optional.empty();
        }
        SearchResultEntry entry = read(dn.get());
        AccountSids sids = reader.accountSids(dn.get());
        return Optional.of(new LabAccount(
                dn.get(),
                Optional.ofNullable(entry.getAttributeValue(AdAttributes.SAM_ACCOUNT_NAME))
                        .orElse(sam.get()),
                sids.sid(),
                List.copyOf(sids.tokenGroups()),
                entry.hasObjectClass("computer"),
                value(entry, "userPrincipalName"),
                value(entry, "mail"),
                value(entry, AdAttributes.DNS_HOST_NAME),
                value(entry, AdAttributes.DISPLAY_NAME)));
    }

    /** By objectSid: its sAMAccountName, then the account as {@link #account(RpcPrincipal)} reads it. */
    @Override
    public Optional<LabAccount> account(Sid sid) throws DirectoryException {
        Optional<String> sam = reader.accountName(sid);
        if (sam.isEmpty()) {
            return Optional.empty();
        }
        return account(new RpcPrincipal(sam.get(), "")).filter(a -> a.sid().equals(sid));
    }

    private SearchResultEntry read(String dn) throws DirectoryException {
        try (LDAPConnection connection = connector.connect()) {
            SearchResultEntry entry = connection.searchForEntry(
                    new SearchRequest(dn, SearchScope.BASE, Filter.createPresenceFilter("objectClass"), ATTRIBUTES));
            if (entry == null) {
                throw new DirectoryException("account not found: " + dn);
            }
            return entry;
        } catch (LDAPException e) {
            throw new DirectoryException(
                    "reading " + dn + " failed (servers " + connector.describeServers() + "): " + e.getResultCode(), e);
        }
    }

    private static Optional<String> value(SearchResultEntry entry, String attribute) {
        return Optional.ofNullable(entry.getAttributeValue(attribute)).filter(v -> !v.isBlank());
    }
}
