package org.cews.wcce.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import org.cews.wcce.transport.TcpChannel;

/**
 * The outbound connection definition for one CA. Its properties come from the resource-adapters
 * subsystem (deploy/cli/configure-connector.cli); equality is over those properties, as the
 * Connectors specification asks (§6.5.3.2).
 */
public class CaManagedConnectionFactory implements ManagedConnectionFactory, ValidatingManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    private String caName;
    private String caHost;
    private Integer caPort = 135;
    private Integer connectTimeoutMillis = 5_000;
    private Integer readTimeoutMillis = 30_000;
    private transient PrintWriter logWriter;

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
        try {
            TcpChannel channel = TcpChannel.open(
                    caHost, caPort, Duration.ofMillis(connectTimeoutMillis), Duration.ofMillis(readTimeoutMillis));
            return new CaManagedConnection(this, channel);
        } catch (IOException e) {
            throw new ResourceAdapterInternalException(
                    "cannot connect to CA " + caName + " at " + caHost + ":" + caPort + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ManagedConnection matchManagedConnections(
            @SuppressWarnings("rawtypes") Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof CaManagedConnection connection
                    && connection.factory().equals(this)
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

    public Integer getReadTimeoutMillis() {
        return readTimeoutMillis;
    }

    public void setReadTimeoutMillis(Integer readTimeoutMillis) {
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaManagedConnectionFactory that
                && Objects.equals(caName, that.caName)
                && Objects.equals(caHost, that.caHost)
                && Objects.equals(caPort, that.caPort)
                && Objects.equals(connectTimeoutMillis, that.connectTimeoutMillis)
                && Objects.equals(readTimeoutMillis, that.readTimeoutMillis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caName, caHost, caPort, connectTimeoutMillis, readTimeoutMillis);
    }
}
