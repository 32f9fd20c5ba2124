package org.cews.lab.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabRealm;

/**
 * The lab's Active Directory: UnboundID's in-memory server on loopback, loaded with ldap-policy's
 * lab forest fixtures the way their README prescribes (the AD schema extension merged over the
 * standard schema; the rootDSE naming contexts; {@code ad-skeleton}, {@code lab-accounts},
 * {@code lab-pki} as entries, then the stored {@code tokenGroups} as changes; the SD flags control
 * taken off searches by {@link SdFlagsControlRemover}), then the lab's own {@code
 * lab-enrollment-agent.ldif} (the enrollment-agent templates). Passwords are additional bind credentials
 * from {@link LabAccounts}, as the README gives svc-cep's, so none is stored in an entry; every lab
 * user binds by DN, and as on AD by UPN or DOMAIN&#92;name too ({@link AdBindNames}).
 *
 * <p>Where ldap-policy's test harness {@code InMemoryAd} differs: it also records every search for
 * assertions and accepts extra interceptors; it knows only svc-cep's password; and it never
 * replaces the fixture CA certificate ({@link #publishCaCertificate} does).
 */
public final class EmbeddedDirectory implements AutoCloseable {

    public static final String FIXTURES = "/org/cews/policy/fixtures/";
    static final List<String> ENTRY_FILES = List.of("ad-skeleton.ldif", "lab-accounts.ldif", "lab-pki.ldif");
    static final String TOKEN_GROUPS_FILE = "inmemory-tokengroups.ldif";
    /** The lab's own changes over the fixtures: the enrollment-agent templates (not ldap-policy's). */
    static final String LAB_CHANGES_FILE = "lab-enrollment-agent.ldif";

    private static final System.Logger LOG = System.getLogger(EmbeddedDirectory.class.getName());

    private final InMemoryDirectoryServer server;
    private final WriteCounter counter;

    private EmbeddedDirectory(InMemoryDirectoryServer server, WriteCounter counter) {
        this.server = server;
        this.counter = counter;
    }

    /** Loads the fixtures and listens on 127.0.0.1:{@code port} (0: the OS chooses). */
    public static EmbeddedDirectory start(int port, LabAccounts accounts) throws LDAPException, IOException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(LabRealm.DOMAIN_DN);
        try (InputStream schema = fixture("inmemory-ad-schema.ldif")) {
            config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(schema)));
        } catch (LDIFException e) {
            throw new IOException("fixture schema: " + e.getMessage(), e);
        }
        config.setCustomRootDSEAttributes(List.of(
                new Attribute("configurationNamingContext", LabRealm.CONFIG_NC),
                new Attribute("defaultNamingContext", LabRealm.DOMAIN_DN),
                new Attribute("rootDomainNamingContext", LabRealm.DOMAIN_DN),
                new Attribute("dnsHostName", "dc1." + LabRealm.DNS_DOMAIN)));
        for (LabAccounts.User user : accounts.users()) {
            config.addAdditionalBindCredentials(user.dn(), user.password());
        }
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName(LabRealm.LOOPBACK), port, null));
        config.addInMemoryOperationInterceptor(new SdFlagsControlRemover());
        config.addInMemoryOperationInterceptor(new AdBindNames(accounts));
        WriteCounter counter = new WriteCounter();
        config.addInMemoryOperationInterceptor(counter);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        boolean clear = true;
        for (String file : ENTRY_FILES) {
            try (InputStream in = fixture(file)) {
                server.importFromLDIF(clear, new LDIFReader(in));
            }
            clear = false;
        }
        try (InputStream in = fixture(TOKEN_GROUPS_FILE)) {
            server.applyChangesFromLDIF(new LDIFReader(in));
        }
        try (InputStream in = EmbeddedDirectory.class.getResourceAsStream(LAB_CHANGES_FILE)) {
            if (in == null) {
                throw new IOException(
                        "lab resource " + LAB_CHANGES_FILE + " (expected: on the class path, actual: missing)");
            }
            server.applyChangesFromLDIF(new LDIFReader(in));
        }
        server.startListening();
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0101 directory started on ldap://{0}:{1,number,#} ({2} entries)",
                LabRealm.LOOPBACK,
                server.getListenPort(),
                server.countEntries());
        return new EmbeddedDirectory(server, counter);
    }

    private static InputStream fixture(String name) throws IOException {
        InputStream in = EmbeddedDirectory.class.getResourceAsStream(FIXTURES + name);
        if (in == null) {
            throw new IOException("ldap-policy fixture " + name + " (expected: on the class path, actual: missing)");
        }
        return in;
    }

    public int port() {
        return server.getListenPort();
    }

    public String url() {
        return "ldap://" + LabRealm.LOOPBACK + ":" + port();
    }

    /**
     * Makes {@code caCertificate} the CA's certificate in its pKIEnrollmentService
     * ({@code CN=<caName>,CN=Enrollment Services,...}: cACertificate and cACertificateDN, [MS-ADSC]
     * 2.223, docs/CA-RPC-AD.md §5.4), replacing the fixture's placeholder.
     */
    public void publishCaCertificate(String caName, X509Certificate caCertificate) throws LDAPException {
        String dn = "CN=" + caName + "," + LabRealm.ENROLLMENT_SERVICES;
        if (server.getEntry(dn) == null) {
            throw new IllegalStateException("pKIEnrollmentService for CA " + caName + " (expected: " + dn
                    + ", actual: no such entry in the fixtures)");
        }
        byte[] der;
        try {
            der = caCertificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("CA certificate cannot be encoded: " + e.getMessage(), e);
        }
        try (LDAPConnection connection = server.getConnection()) { // counted in changes(), unlike server.modify
            connection.modify(
                    dn,
                    new Modification(ModificationType.REPLACE, "cACertificate", der),
                    new Modification(
                            ModificationType.REPLACE, "cACertificateDN", AdNames.caCertificateDn(caCertificate)));
        }
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0102 directory: published the certificate of {0} ({1}) in {2}",
                caName,
                caCertificate.getSubjectX500Principal(),
                dn);
    }

    /**
     * The running server, for tests and for reads the lab needs. Write through
     * {@code server().getConnection()} (or over LDAP), not with the server object's own
     * {@code add}/{@code modify}/{@code delete}: those bypass {@link #changes()}, so a CA caching
     * what it read would not see them.
     */
    public InMemoryDirectoryServer server() {
        return server;
    }

    /**
     * The count of successful writes made over LDAP or through a connection of {@link #server()},
     * which the lab CA's directory cache watches (CachingLabDirectory).
     */
    public DirectoryChanges changes() {
        return counter::writes;
    }

    /** Searches served so far, over LDAP or through a connection of {@link #server()}. */
    public long searches() {
        return counter.searches();
    }

    @Override
    public void close() {
        server.shutDown(true);
        LOG.log(System.Logger.Level.INFO, "LAB0103 directory stopped");
    }
}
