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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import org.cews.wcce.api.CaException;
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
 * The outbound connection definition for one CA, or several with priorities and failover. Its
 * properties come from the resource-adapters subsystem (deploy/cli/configure-connector.cli);
 * equality is over those properties, as the Connectors specification asks (§6.5.3.2). One CA is
 * {@code CaName}, {@code CaHost}, {@code CaPort} and {@code CaServicePrincipal}; several are
 * {@code CaEndpoints} ({@link CaEndpointsProperty}), with {@code CaName} then optional (the CES's
 * name; the first CA's by default). The configuration is checked when the container creates the
 * connection factory, so a bad one fails the deployment with a message naming the bad entry.
 *
 * <p>Each pooled connection belongs to one CA ({@link CaRequestInfo}); a CA that cannot be
 * reached is skipped for {@code UnavailableBackoffSeconds} ({@link CaAvailability}); a connection
 * older than {@code ConnectionMaxAgeMinutes} is invalid, so the pool binds a new one and the
 * connector authenticates anew.
 *
 * <p>Every physical connection is an MS-ICPR association bound at packet privacy as the
 * connector's own identity (docs/ARCHITECTURE.md §4.2, enrollment-agent mode): NTLM with the
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
    private String caEndpoints;
    private Integer unavailableBackoffSeconds = 30;
    private Integer connectionMaxAgeMinutes = 60;
    private transient PrintWriter logWriter;
    private transient Map<String, KeytabServiceTickets> tickets;
    private transient Map<String, S4uServiceTickets> s4u;
    private transient Clock clock;
    private transient System.Logger audit;
    private transient CaAvailability availability;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) throws ResourceException {
        validate();
        return new CaConnectionFactoryImpl(this, manager);
    }

    /** Checks the configuration as a whole; the message names the property or entry at fault. */
    void validate() throws ResourceException {
        cas();
        if (unavailableBackoffSeconds == null || unavailableBackoffSeconds < 0) {
            throw new jakarta.resource.spi.InvalidPropertyException(
                    "UnavailableBackoffSeconds must be 0 or more (actual: " + unavailableBackoffSeconds + ")");
        }
        if (connectionMaxAgeMinutes == null || connectionMaxAgeMinutes < 1) {
            throw new jakarta.resource.spi.InvalidPropertyException(
                    "ConnectionMaxAgeMinutes must be 1 or more (actual: " + connectionMaxAgeMinutes + ")");
        }
    }

    /** The configured CAs in the order submissions try them. */
    List<ConfiguredCa> cas() throws ResourceException {
        if (caEndpoints != null && !caEndpoints.isBlank()) {
            if (caHost != null && !caHost.isBlank() || caServicePrincipal != null && !caServicePrincipal.isBlank()) {
                throw new jakarta.resource.spi.InvalidPropertyException(
                        "CaEndpoints lists every CA with its host and spn: remove CaHost and CaServicePrincipal,"
                                + " which describe the one CA of a definition without CaEndpoints");
            }
            return CaEndpointsProperty.parse(caEndpoints);
        }
        requireConfigured();
        if (caPort == null || caPort < 1 || caPort > 0xFFFF) {
            throw new jakarta.resource.spi.InvalidPropertyException(
                    "CaPort must be 1 to 65535 (actual: " + caPort + ")");
        }
        return List.of(new ConfiguredCa(1, 0, caName, caHost, caPort, caServicePrincipal));
    }

    /** The CA name of the CES URLs: {@code CaName}, else the first CA's. */
    String advertisedCaName() {
        if (caName != null && !caName.isBlank()) {
            return caName;
        }
        try {
            return cas().get(0).name();
        } catch (ResourceException e) {
            return caName; // validate() refused this configuration at deployment
        }
    }

    synchronized CaAvailability availability() {
        if (availability == null) {
            availability = new CaAvailability(
                    Duration.ofSeconds(unavailableBackoffSeconds == null ? 0 : unavailableBackoffSeconds),
                    clock(),
                    audit != null ? audit : System.getLogger(CaAvailability.AUDIT_LOGGER));
        }
        return availability;
    }

    private synchronized Clock clock() {
        return clock != null ? clock : Clock.systemUTC();
    }

    /** Tests: the clock of back-off and connection age, and where audit lines go. */
    synchronized void useClockAndAudit(Clock testClock, System.Logger testAudit) {
        this.clock = testClock;
        this.audit = testAudit;
        this.availability = null;
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new jakarta.resource.NotSupportedException(
                "the CA connector runs inside WildFly's connection manager only");
    }

    /**
     * Binds a connection to the CA {@code info} names; without one (the container's test and
     * prefill), to the first configured CA that answers. A CA that cannot be reached is recorded
     * as such ({@link CaAvailability}).
     */
    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        CaRequestInfo who = CaRequestInfo.of(info);
        if (who.ca() != null) {
            return connect(who);
        }
        ResourceException last = null;
        for (ConfiguredCa ca : cas()) {
            if (!availability().skipped(ca)) {
                try {
                    return connect(who.at(ca));
                } catch (CaConnectFailure e) {
                    if (e.kind() == CaException.Kind.CONFIGURATION) {
                        throw e;
                    }
                    last = e;
                }
            }
        }
        throw last != null
                ? last
                : new ResourceAdapterInternalException("cannot connect to CA: every configured CA is skipped for now"
                        + " after failing (UnavailableBackoffSeconds " + unavailableBackoffSeconds + ")");
    }

    /**
     * Binds to {@code who.ca()}. A failure is a {@link CaConnectFailure} naming the CA, whom the
     * connector authenticated as and why, of kind CONFIGURATION (a property missing for this
     * binding), AUTHENTICATION (no credentials, or the bind refused) or UNREACHABLE (no endpoint
     * mapper, no connection; the CA is then skipped for the back-off).
     */
    private CaManagedConnection connect(CaRequestInfo who) throws ResourceException {
        ConfiguredCa ca = who.ca();
        String as = "as " + identity(who);
        ClientSecurityContext security;
        try {
            security = who.impersonates() ? impersonating(who.userPrincipal(), ca) : newSecurityContext(ca);
        } catch (jakarta.resource.spi.InvalidPropertyException e) {
            throw new CaConnectFailure(CaException.Kind.CONFIGURATION, ca, as + ": " + e.getMessage(), e);
        } catch (CaException e) {
            CaException.Kind kind = CaConnectFailure.ofCredentials(e);
            String reason = CaConnectFailure.describe(e);
            if (kind == CaException.Kind.AUTHENTICATION) {
                availability().authenticationFailed(ca, as + ": " + reason);
            }
            throw new CaConnectFailure(kind, ca, as + ": " + reason, e);
        }
        try {
            IcprSession session = IcprSession.open(
                    ca.endpoint(),
                    security,
                    Duration.ofMillis(connectTimeoutMillis),
                    Duration.ofMillis(readTimeoutMillis));
            long generation = availability().generation(ca);
            availability().answered(ca);
            return new CaManagedConnection(this, who, session, clock().instant(), generation);
        } catch (CaException e) {
            String reason = CaConnectFailure.describe(e);
            CaException.Kind kind = CaConnectFailure.ofBindOrCall(e);
            if (kind == CaException.Kind.AUTHENTICATION) {
                availability().authenticationFailed(ca, as + ": " + reason); // not an outage
            } else {
                availability().failed(ca, reason); // nothing was sent: the bind did not complete
            }
            throw new CaConnectFailure(kind, ca, as + ": " + reason, e);
        }
    }

    /** Bound before its CA's last recorded outage: its answers prove nothing, so it is not lent again. */
    private boolean predatesOutage(CaManagedConnection connection) {
        ConfiguredCa ca = connection.identity().ca();
        return ca != null && connection.generation() < availability().generation(ca);
    }

    /**
     * Whom the CA is to see on {@code who}'s connection, for messages: the user and the account
     * that impersonates him, or the connector's own account. Never a secret.
     */
    String identity(CaRequestInfo who) {
        if (who.impersonates()) {
            return who.userPrincipal() + (kerberosPrincipal == null ? "" : " (S4U by " + kerberosPrincipal + ")");
        }
        if ("NTLM".equalsIgnoreCase(authenticationType)) {
            return userName == null || domain == null
                    ? "the connector's account (NTLM)"
                    : domain + "\\" + userName + " (NTLM)";
        }
        return (kerberosPrincipal == null ? "the connector's account" : kerberosPrincipal) + " (" + authenticationType
                + ")";
    }

    /** Kerberos in the user's name, from S4U2Self + S4U2Proxy with the connector's keytab. */
    private ClientSecurityContext impersonating(String user, ConfiguredCa ca) throws ResourceException, CaException {
        KerberosClientContext krb =
                new KerberosClientContext(s4u(ca).forUser(user), RandomSource.secure(), Clock.systemUTC());
        return "NEGOTIATE".equalsIgnoreCase(authenticationType) ? new SpnegoClientContext(krb) : krb;
    }

    private synchronized S4uServiceTickets s4u(ConfiguredCa ca) throws ResourceException {
        if (kerberosPrincipal == null || keytab == null || ca.spn() == null) {
            throw new jakarta.resource.spi.InvalidPropertyException(
                    "impersonation needs KerberosPrincipal, Keytab and CaServicePrincipal (configure-connector.cli;"
                            + " with CaEndpoints, spn= on each CA)");
        }
        if (s4u == null) {
            s4u = new HashMap<>();
        }
        return s4u.computeIfAbsent(ca.spn(), spn -> new S4uServiceTickets(kerberosPrincipal, Path.of(keytab), spn));
    }

    /** A fresh security context for one bind to {@code ca}, as AuthenticationType says. */
    private ClientSecurityContext newSecurityContext(ConfiguredCa ca) throws ResourceException, CaException {
        switch (authenticationType.toUpperCase(Locale.ROOT)) {
            case "NTLM":
                if (userName == null || domain == null || password == null) {
                    throw new jakarta.resource.spi.InvalidPropertyException(
                            "NTLM needs UserName, Domain and Password (configure-connector.cli)");
                }
                return new NtlmClientContext(
                        NtlmCredential.ofPassword(userName, domain, password.toCharArray()),
                        workstation,
                        ca.ntlmTarget(),
                        new SecureRandom()::nextBytes,
                        Clock.systemUTC());
            case "KERBEROS":
                return new KerberosClientContext(tickets(ca).current(), RandomSource.secure(), Clock.systemUTC());
            case "NEGOTIATE":
                return new SpnegoClientContext(
                        new KerberosClientContext(tickets(ca).current(), RandomSource.secure(), Clock.systemUTC()));
            default:
                throw new jakarta.resource.spi.InvalidPropertyException(
                        "AuthenticationType must be NTLM, Kerberos or Negotiate (actual: " + authenticationType + ")");
        }
    }

    private synchronized KeytabServiceTickets tickets(ConfiguredCa ca) throws ResourceException {
        if (kerberosPrincipal == null || keytab == null || ca.spn() == null) {
            throw new jakarta.resource.spi.InvalidPropertyException(
                    "Kerberos needs KerberosPrincipal, Keytab and CaServicePrincipal (configure-connector.cli;"
                            + " with CaEndpoints, spn= on each CA)");
        }
        if (tickets == null) {
            tickets = new HashMap<>();
        }
        return tickets.computeIfAbsent(
                ca.spn(), spn -> new KeytabServiceTickets(kerberosPrincipal, Path.of(keytab), spn));
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

    /** A connection of this definition, for the same identity and (if one is asked for) the same CA. */
    @Override
    public ManagedConnection matchManagedConnections(
            @SuppressWarnings("rawtypes") Set candidates, Subject subject, ConnectionRequestInfo info) {
        CaRequestInfo wanted = CaRequestInfo.of(info);
        for (Object candidate : candidates) {
            if (candidate instanceof CaManagedConnection connection
                    && connection.factory().equals(this)
                    && wanted.isServedBy(connection.identity())
                    && connection.isUsable()
                    && !predatesOutage(connection)) {
                return connection;
            }
        }
        return null;
    }

    /** Validation (validate-on-match, background validation): see {@link CaManagedConnection#isValid}. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set candidates) {
        Set invalid = new HashSet<>();
        Duration maxAge = Duration.ofMinutes(connectionMaxAgeMinutes);
        for (Object candidate : candidates) {
            if (candidate instanceof CaManagedConnection connection
                    && (!connection.isValid(clock().instant(), maxAge) || predatesOutage(connection))) {
                invalid.add(connection);
            }
        }
        return invalid;
    }

    private void requireConfigured() throws ResourceException {
        if (caName == null || caName.isBlank() || caHost == null || caHost.isBlank()) {
            throw new jakarta.resource.spi.InvalidPropertyException(
                    "the connection definition needs CaName and CaHost (configure-connector.cli), or CaEndpoints");
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

    public String getCaEndpoints() {
        return caEndpoints;
    }

    public void setCaEndpoints(String caEndpoints) {
        this.caEndpoints = caEndpoints;
    }

    public Integer getUnavailableBackoffSeconds() {
        return unavailableBackoffSeconds;
    }

    public void setUnavailableBackoffSeconds(Integer unavailableBackoffSeconds) {
        this.unavailableBackoffSeconds = unavailableBackoffSeconds;
    }

    public Integer getConnectionMaxAgeMinutes() {
        return connectionMaxAgeMinutes;
    }

    public void setConnectionMaxAgeMinutes(Integer connectionMaxAgeMinutes) {
        this.connectionMaxAgeMinutes = connectionMaxAgeMinutes;
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
                && Objects.equals(enrollmentAgentAlias, that.enrollmentAgentAlias)
                && Objects.equals(caEndpoints, that.caEndpoints)
                && Objects.equals(unavailableBackoffSeconds, that.unavailableBackoffSeconds)
                && Objects.equals(connectionMaxAgeMinutes, that.connectionMaxAgeMinutes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                caName, caHost, caPort, authenticationType, userName, domain, kerberosPrincipal, caEndpoints);
    }
}
