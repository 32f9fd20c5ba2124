package org.cews.wcce.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import org.cews.wcce.api.CaException;
import org.cews.wcce.client.CaEndpoint;
import org.cews.wcce.client.EnrollmentAgent;
import org.cews.wcce.client.IcprSession;
import org.cews.wcce.client.KeytabServiceTickets;
import org.cews.wcce.client.S4uServiceTickets;
import org.cews.wcce.kerberos.KerberosClientContext;
import org.cews.wcce.kerberos.SpnegoClientContext;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.msnlmp.NtlmClientContext;
import org.cews.wcce.msnlmp.NtlmCredential;
import org.cews.wcce.msrpce.ClientSecurityContext;

/**
 * The outbound connection definition for one CA. Its properties come from the resource-adapters
 * subsystem (deploy/cli/configure-connector.cli); equality is over those properties, as the
 * Connectors specification asks (§6.5.3.2).
 *
 * <p>Every physical connection is an MS-ICPR association bound at packet privacy as the
 * connector's own identity (ARCHITECTURE.md §4.2, enrollment-agent mode): NTLM with the
 * configured account, or Kerberos (raw, or SPNEGO as "Negotiate") with service tickets for
 * {@code CaServicePrincipal} obtained from the configured keytab. A request marked {@code
 * onBehalfOf} is first signed with the Enrollment Agent credential of {@code
 * EnrollmentAgentKeyStore} ({@link EnrollmentAgent}).
 */
public class CaManagedConnectionFactory implements ManagedConnectionFactory, ValidatingManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    private String caName;
    private String caHost;
    private Integer caPort = 135;
    private Integer connectTimeoutMillis = 5_000;
    private Integer readTimeoutMillis = 30_000;
    private String authenticationType = "NTLM";
    private String userName;
    private String domain;
    private String password;
    private String workstation = "CEWS";
    private String caServicePrincipal;
    private String kerberosPrincipal;
    private String keytab;
    private String enrollmentAgentKeyStore;
    private String enrollmentAgentKeyStorePassword;
    private String enrollmentAgentAlias;
    private transient EnrollmentAgent enrollmentAgent;
    private transient PrintWriter logWriter;
    private transient KeytabServiceTickets tickets;
    private transient S4uServiceTickets s4u;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new CaConnectionFactoryImpl(this, manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new jakarta.resource.NotSupportedException(
                "the CA connector runs inside WildFly's connection manager only");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        requireConfigured();
        CaRequestInfo who = CaRequestInfo.of(info);
        try {
            ClientSecurityContext security =
                    who.impersonates() ? impersonating(who.userPrincipal()) : newSecurityContext();
            IcprSession session = IcprSession.open(
                    new CaEndpoint(caHost, caPort, caName),
                    security,
                    Duration.ofMillis(connectTimeoutMillis),
                    Duration.ofMillis(readTimeoutMillis));
            return new CaManagedConnection(this, who, session);
        } catch (CaException e) {
            throw new ResourceAdapterInternalException("cannot connect to CA: " + e.getMessage(), e);
        }
    }

    /** Kerberos in the user's name, from S4U2Self + S4U2Proxy with the connector's keytab. */
    private ClientSecurityContext impersonating(String user) throws ResourceException, CaException {
        KerberosClientContext krb =
                new KerberosClientContext(s4u().forUser(user), RandomSource.secure(), Clock.systemUTC());
        return "NEGOTIATE".equalsIgnoreCase(authenticationType) ? new SpnegoClientContext(krb) : krb;
    }

    private synchronized S4uServiceTickets s4u() throws ResourceException {
        if (s4u == null) {
            if (kerberosPrincipal == null || keytab == null || caServicePrincipal == null) {
                throw new jakarta.resource.spi.InvalidPropertyException(
                        "impersonation needs KerberosPrincipal, Keytab and CaServicePrincipal (configure-connector.cli)");
            }
            s4u = new S4uServiceTickets(kerberosPrincipal, Path.of(keytab), caServicePrincipal);
        }
        return s4u;
    }

    /** A fresh security context for one bind, as AuthenticationType says. */
    private ClientSecurityContext newSecurityContext() throws ResourceException, CaException {
        switch (authenticationType.toUpperCase(Locale.ROOT)) {
            case "NTLM":
                if (userName == null || domain == null || password == null) {
                    throw new jakarta.resource.spi.InvalidPropertyException(
                            "NTLM needs UserName, Domain and Password (configure-connector.cli)");
                }
                return new NtlmClientContext(
                        NtlmCredential.ofPassword(userName, domain, password.toCharArray()),
                        workstation,
                        caServicePrincipal == null ? "host/" + caHost : caServicePrincipal,
                        new SecureRandom()::nextBytes,
                        Clock.systemUTC());
            case "KERBEROS":
                return new KerberosClientContext(tickets().current(), RandomSource.secure(), Clock.systemUTC());
            case "NEGOTIATE":
                return new SpnegoClientContext(
                        new KerberosClientContext(tickets().current(), RandomSource.secure(), Clock.systemUTC()));
            default:
                throw new jakarta.resource.spi.InvalidPropertyException(
                        "AuthenticationType must be NTLM, Kerberos or Negotiate (actual: " + authenticationType + ")");
        }
    }

    private synchronized KeytabServiceTickets tickets() throws ResourceException {
        if (tickets == null) {
            if (kerberosPrincipal == null || keytab == null || caServicePrincipal == null) {
                throw new jakarta.resource.spi.InvalidPropertyException(
                        "Kerberos needs KerberosPrincipal, Keytab and CaServicePrincipal (configure-connector.cli)");
            }
            tickets = new KeytabServiceTickets(kerberosPrincipal, Path.of(keytab), caServicePrincipal);
        }
        return tickets;
    }

    /**
     * Enrollment-agent mode: the signer of requests marked {@code onBehalfOf}, from the PKCS#12 key
     * store in {@code EnrollmentAgentKeyStore} (read when first needed and again when it changes).
     */
    synchronized EnrollmentAgent enrollmentAgent() throws CaException {
        if (enrollmentAgentKeyStore == null
                || enrollmentAgentKeyStore.isBlank()
                || enrollmentAgentKeyStorePassword == null) {
            throw new CaException(
                    "a request on behalf of another account needs the enrollment agent's credential:"
                            + " configure EnrollmentAgentKeyStore and EnrollmentAgentKeyStorePassword (configure-connector.cli)");
        }
        if (enrollmentAgent == null) {
            enrollmentAgent = new EnrollmentAgent(
                    Path.of(enrollmentAgentKeyStore),
                    enrollmentAgentKeyStorePassword.toCharArray(),
                    enrollmentAgentAlias,
                    Clock.systemUTC());
        }
        return enrollmentAgent;
    }

    @Override
    public ManagedConnection matchManagedConnections(
            @SuppressWarnings("rawtypes") Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof CaManagedConnection connection
                    && connection.factory().equals(this)
                    && connection.identity().equals(CaRequestInfo.of(info))
                    && connection.isUsable()) {
                return connection;
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set candidates) {
        Set invalid = new HashSet<>();
        for (Object candidate : candidates) {
            if (candidate instanceof CaManagedConnection connection && !connection.isUsable()) {
                invalid.add(connection);
            }
        }
        return invalid;
    }

    private void requireConfigured() throws ResourceException {
        if (caName == null || caName.isBlank() || caHost == null || caHost.isBlank()) {
            throw new jakarta.resource.spi.InvalidPropertyException(
                    "the connection definition needs CaName and CaHost (configure-connector.cli)");
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    public String getCaName() {
        return caName;
    }

    public void setCaName(String caName) {
        this.caName = caName;
    }

    public String getCaHost() {
        return caHost;
    }

    public void setCaHost(String caHost) {
        this.caHost = caHost;
    }

    public Integer getCaPort() {
        return caPort;
    }

    public void setCaPort(Integer caPort) {
        this.caPort = caPort;
    }

    public Integer getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public void setConnectTimeoutMillis(Integer connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public String getAuthenticationType() {
        return authenticationType;
    }

    public void setAuthenticationType(String authenticationType) {
        this.authenticationType = authenticationType;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getWorkstation() {
        return workstation;
    }

    public void setWorkstation(String workstation) {
        this.workstation = workstation;
    }

    public String getCaServicePrincipal() {
        return caServicePrincipal;
    }

    public void setCaServicePrincipal(String caServicePrincipal) {
        this.caServicePrincipal = caServicePrincipal;
    }

    public String getKerberosPrincipal() {
        return kerberosPrincipal;
    }

    public void setKerberosPrincipal(String kerberosPrincipal) {
        this.kerberosPrincipal = kerberosPrincipal;
    }

    public String getKeytab() {
        return keytab;
    }

    public void setKeytab(String keytab) {
        this.keytab = keytab;
    }

    public Integer getReadTimeoutMillis() {
        return readTimeoutMillis;
    }

    public void setReadTimeoutMillis(Integer readTimeoutMillis) {
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public String getEnrollmentAgentKeyStore() {
        return enrollmentAgentKeyStore;
    }

    public void setEnrollmentAgentKeyStore(String enrollmentAgentKeyStore) {
        this.enrollmentAgentKeyStore = enrollmentAgentKeyStore;
    }

    public String getEnrollmentAgentKeyStorePassword() {
        return enrollmentAgentKeyStorePassword;
    }

    public void setEnrollmentAgentKeyStorePassword(String enrollmentAgentKeyStorePassword) {
        this.enrollmentAgentKeyStorePassword = enrollmentAgentKeyStorePassword;
    }

    public String getEnrollmentAgentAlias() {
        return enrollmentAgentAlias;
    }

    public void setEnrollmentAgentAlias(String enrollmentAgentAlias) {
        this.enrollmentAgentAlias = enrollmentAgentAlias;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaManagedConnectionFactory that
                && Objects.equals(caName, that.caName)
                && Objects.equals(caHost, that.caHost)
                && Objects.equals(caPort, that.caPort)
                && Objects.equals(connectTimeoutMillis, that.connectTimeoutMillis)
                && Objects.equals(readTimeoutMillis, that.readTimeoutMillis)
                && Objects.equals(authenticationType, that.authenticationType)
                && Objects.equals(userName, that.userName)
                && Objects.equals(domain, that.domain)
                && Objects.equals(password, that.password)
                && Objects.equals(workstation, that.workstation)
                && Objects.equals(caServicePrincipal, that.caServicePrincipal)
                && Objects.equals(kerberosPrincipal, that.kerberosPrincipal)
                && Objects.equals(keytab, that.keytab)
                && Objects.equals(enrollmentAgentKeyStore, that.enrollmentAgentKeyStore)
                && Objects.equals(enrollmentAgentKeyStorePassword, that.enrollmentAgentKeyStorePassword)
                && Objects.equals(enrollmentAgentAlias, that.enrollmentAgentAlias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caName, caHost, caPort, authenticationType, userName, domain, kerberosPrincipal);
    }
}
