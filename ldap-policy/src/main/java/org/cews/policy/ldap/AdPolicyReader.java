package org.cews.policy.ldap;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cews.policy.acl.AclFormatException;
import org.cews.policy.acl.Sid;
import org.cews.policy.model.AdAttributes;
import org.cews.policy.model.AttributeDecodeException;
import org.cews.policy.model.AttributeValues;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentService;
import org.cews.policy.model.EnrollmentServiceDecoder;
import org.cews.policy.model.EnterpriseOid;
import org.cews.policy.model.EnterpriseOidDecoder;
import org.cews.policy.model.Oid;
import org.cews.policy.model.TemplateDecoder;

/**
 * Reads the enrollment policy from Active Directory (docs/CA-RPC-AD.md §5.1, §6.2): the Configuration
 * NC from the rootDSE, then under {@code CN=Public Key Services,CN=Services,<config NC>} the
 * templates (subtree), the enrollment services (subtree) and the enterprise OIDs (one level under
 * CN=OID), in pages, with the SD flags control so an ordinary account gets the owner, group and
 * DACL of each object. Also reads an account's objectSid and tokenGroups. One connection per call.
 */
public final class AdPolicyReader {

    public static final String CONFIGURATION_NC = "configurationNamingContext";
    public static final String DEFAULT_NC = "defaultNamingContext";
    public static final String PUBLIC_KEY_SERVICES = "CN=Public Key Services,CN=Services,";

    private static final Filter TEMPLATES = Filter.createEqualityFilter("objectClass", "pKICertificateTemplate");
    private static final Filter SERVICES = Filter.createEqualityFilter("objectClass", "pKIEnrollmentService");
    private static final Filter OIDS = Filter.createEqualityFilter("objectClass", "msPKI-Enterprise-Oid");

    private final DirectoryConnector connector;
    private final Clock clock;

    public AdPolicyReader(DirectoryConnector connector, Clock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    /** The connections this reader uses, for other reads of the same directory ({@link AccountLookup}). */
    public DirectoryConnector connector() {
        return connector;
    }

    /** The forest's Configuration NC, from the rootDSE. */
    public String configurationNamingContext() throws DirectoryException {
        try (LDAPConnection connection = connector.connect()) {
            return rootDseValue(connection, CONFIGURATION_NC);
        }
    }

    /** Templates, enrollment services and OIDs, decoded; undecodable objects end up in problems. */
    public PolicySnapshot read() throws DirectoryException {
        try (LDAPConnection connection = connector.connect()) {
            String configNc = rootDseValue(connection, CONFIGURATION_NC);
            String pks = PUBLIC_KEY_SERVICES + configNc;
            List<AttributeDecodeException> problems = new ArrayList<>();
            List<CertificateTemplate> templates = new ArrayList<>();
            for (SearchResultEntry e : search(
                    connection,
                    "CN=Certificate Templates," + pks,
                    SearchScope.SUB,
                    TEMPLATES,
                    AdAttributes.TEMPLATE,
                    true)) {
                try {
                    templates.add(TemplateDecoder.decode(new EntryAttributeSource(e)));
                } catch (AttributeDecodeException ex) {
                    problems.add(ex);
                }
            }
            List<EnrollmentService> services = new ArrayList<>();
            for (SearchResultEntry e : search(
                    connection,
                    "CN=Enrollment Services," + pks,
                    SearchScope.SUB,
                    SERVICES,
                    AdAttributes.ENROLLMENT_SERVICE,
                    true)) {
                try {
                    services.add(EnrollmentServiceDecoder.decode(new EntryAttributeSource(e)));
                } catch (AttributeDecodeException ex) {
                    problems.add(ex);
                }
            }
            String oidContainer = "CN=OID," + pks;
            List<EnterpriseOid> oids = new ArrayList<>();
            for (SearchResultEntry e :
                    search(connection, oidContainer, SearchScope.ONE, OIDS, AdAttributes.ENTERPRISE_OID, false)) {
                try {
                    oids.add(EnterpriseOidDecoder.decode(new EntryAttributeSource(e)));
                } catch (AttributeDecodeException ex) {
                    problems.add(ex);
                }
            }
            Optional<Oid> forestOid = Optional.empty();
            for (SearchResultEntry e : search(
                    connection, oidContainer, SearchScope.BASE, OIDS, List.of(AdAttributes.TEMPLATE_OID), false)) {
                try {
                    forestOid = AttributeValues.optionalOid(new EntryAttributeSource(e), AdAttributes.TEMPLATE_OID);
                } catch (AttributeDecodeException ex) {
                    problems.add(ex);
                }
            }
            return new PolicySnapshot(configNc, templates, services, oids, forestOid, problems, clock.instant());
        }
    }

    /**
     * An account's objectSid and tokenGroups: a base-scope search of its DN, the only scope AD
     * computes tokenGroups for (docs/CA-RPC-AD.md §6.2).
     */
    public AccountSids accountSids(String accountDn) throws DirectoryException {
        try (LDAPConnection connection = connector.connect()) {
            SearchRequest request = new SearchRequest(
                    accountDn,
                    SearchScope.BASE,
                    Filter.createPresenceFilter("objectClass"),
                    AdAttributes.OBJECT_SID,
                    AdAttributes.TOKEN_GROUPS);
            SearchResultEntry entry = connection.searchForEntry(request);
            if (entry == null) {
                throw new DirectoryException("account not found: " + accountDn);
            }
            byte[] sid = entry.getAttributeValueBytes(AdAttributes.OBJECT_SID);
            if (sid == null) {
                throw new DirectoryException(accountDn + ": no objectSid");
            }
            Set<Sid> groups = new LinkedHashSet<>();
            byte[][] tokenGroups = entry.getAttributeValueByteArrays(AdAttributes.TOKEN_GROUPS);
            for (byte[] value : tokenGroups == null ? new byte[0][] : tokenGroups) {
                groups.add(Sid.decode(value));
            }
            return new AccountSids(accountDn, Sid.decode(sid), groups);
        } catch (LDAPException e) {
            throw failed("reading objectSid and tokenGroups of " + accountDn, e);
        } catch (AclFormatException e) {
            throw new DirectoryException(accountDn + ": undecodable SID: " + e.getMessage(), e);
        }
    }

    /** The DN of the account with this sAMAccountName in the default naming context, if any. */
    public Optional<String> findAccount(String samAccountName) throws DirectoryException {
        try (LDAPConnection connection = connector.connect()) {
            String base = rootDseValue(connection, DEFAULT_NC);
            List<SearchResultEntry> found = search(
                    connection,
                    base,
                    SearchScope.SUB,
                    Filter.createEqualityFilter(AdAttributes.SAM_ACCOUNT_NAME, samAccountName),
                    List.of("1.1"),
                    false);
            if (found.size() > 1) {
                throw new DirectoryException("sAMAccountName " + samAccountName + " is not unique under " + base);
            }
            return found.stream().findFirst().map(SearchResultEntry::getDN);
        }
    }

    /**
     * The sAMAccountName of the account or group whose objectSid is {@code sid}, searched in the
     * default naming context (a binary equality filter, which AD accepts for objectSid); empty when
     * no object has it (a foreign or deleted principal).
     */
    public Optional<String> accountName(Sid sid) throws DirectoryException {
        try (LDAPConnection connection = connector.connect()) {
            String base = rootDseValue(connection, DEFAULT_NC);
            SearchRequest request = new SearchRequest(
                    base,
                    SearchScope.SUB,
                    Filter.createEqualityFilter(AdAttributes.OBJECT_SID, sid.encode()),
                    AdAttributes.SAM_ACCOUNT_NAME,
                    AdAttributes.CN);
            List<SearchResultEntry> found = connection.search(request).getSearchEntries();
            return found.size() == 1
                    ? Optional.ofNullable(found.get(0).getAttributeValue(AdAttributes.SAM_ACCOUNT_NAME))
                            .or(() -> Optional.ofNullable(found.get(0).getAttributeValue(AdAttributes.CN)))
                    : Optional.empty();
        } catch (LDAPException e) {
            throw failed("looking up objectSid " + sid, e);
        }
    }

    private List<SearchResultEntry> search(
            LDAPConnection connection,
            String base,
            SearchScope scope,
            Filter filter,
            List<String> attributes,
            boolean withSecurityDescriptor)
            throws DirectoryException {
        SearchRequest request = new SearchRequest(base, scope, filter, attributes.toArray(String[]::new));
        if (withSecurityDescriptor) {
            request.setControls(new Control[] {AdControls.sdFlagsOwnerGroupDacl()});
        }
        try {
            return PagedSearch.search(connection, request, connector.config().pageSize());
        } catch (LDAPException e) {
            throw failed("searching " + base, e);
        }
    }

    /** A rootDSE attribute AD always has; its absence means the server is no AD. */
    static String rootDseValue(LDAPConnection connection, String attribute) throws DirectoryException {
        try {
            RootDSE rootDse = connection.getRootDSE();
            String value = rootDse == null ? null : rootDse.getAttributeValue(attribute);
            if (value == null) {
                throw new DirectoryException("the rootDSE of " + connection.getConnectedAddress() + " has no "
                        + attribute + ": not Active Directory?");
            }
            return value;
        } catch (LDAPException e) {
            throw new DirectoryException(
                    "reading the rootDSE of " + connection.getConnectedAddress() + " failed: " + e.getResultCode()
                            + (e.getDiagnosticMessage() == null ? "" : ": " + e.getDiagnosticMessage()),
                    e);
        }
    }

    private DirectoryException failed(String what, LDAPException e) {
        return new DirectoryException(
                what + " failed (servers " + connector.describeServers() + "): " + e.getResultCode()
                        + (e.getDiagnosticMessage() == null ? "" : ": " + e.getDiagnosticMessage()),
                e);
    }
}
