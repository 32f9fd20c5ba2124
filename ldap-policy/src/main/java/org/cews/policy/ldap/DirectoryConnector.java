package org.cews.policy.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.NameResolver;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

/**
 * Opens bound connections to the first domain controller of {@link DirectoryConfig#servers()} that
 * answers (UnboundID {@link FailoverServerSet}), with the configured transport, bind and timeouts.
 * StartTLS runs before the bind, so a GSSAPI bind sees the TLS layer ({@link KeytabGssapiBind}). A
 * server given with an {@link LdapServer#address()} is connected to at that address while its name
 * is still what the certificate check and Kerberos use.
 */
public final class DirectoryConnector {

    private final DirectoryConfig config;
    private final ServerSet serverSet;
    private final ServerSet unboundServerSet;

    public DirectoryConnector(DirectoryConfig config) throws DirectoryException {
        this.config = config;
        this.serverSet = serverSet(config, bindRequest(config));
        this.unboundServerSet = serverSet(config, null);
    }

    public DirectoryConfig config() {
        return config;
    }

    /** A connected and bound connection; the caller closes it. */
    public LDAPConnection connect() throws DirectoryException {
        return connect(serverSet);
    }

    /**
     * A connected connection, over the configured transport (StartTLS done), not bound: for a bind
     * as somebody else ({@link PasswordCheck}). The caller closes it.
     */
    public LDAPConnection connectUnbound() throws DirectoryException {
        return connect(unboundServerSet);
    }

    private LDAPConnection connect(ServerSet servers) throws DirectoryException {
        try {
            return servers.getConnection();
        } catch (LDAPException e) {
            throw new DirectoryException(
                    "no domain controller usable (tried " + describeServers() + " over " + config.security() + "): "
                            + e.getResultCode() + ": "
                            + (e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage()),
                    e);
        }
    }

    /** The servers as tried, for messages: {@code dc1:636, dc2:636}. */
    public String describeServers() {
        return config.servers().stream().map(LdapServer::toString).collect(Collectors.joining(", "));
    }

    private static BindRequest bindRequest(DirectoryConfig config) throws DirectoryException {
        try {
            return config.bind().toBindRequest();
        } catch (LDAPException e) {
            throw new DirectoryException("cannot prepare the " + config.bind() + " bind: " + e.getMessage(), e);
        }
    }

    private static ServerSet serverSet(DirectoryConfig config, BindRequest bind) throws DirectoryException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(Math.toIntExact(config.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(config.responseTimeout().toMillis());
        options.setAbandonOnTimeout(true);
        if (config.security() != TransportSecurity.NONE && config.verifyHostname()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        SocketFactory socketFactory = null;
        PostConnectProcessor postConnect = null;
        if (config.security() == TransportSecurity.LDAPS) {
            socketFactory = sslContext(config).getSocketFactory();
        } else if (config.security() == TransportSecurity.START_TLS) {
            postConnect = new StartTLSPostConnectProcessor(sslContext(config));
        }
        List<ServerSet> sets = new ArrayList<>();
        for (LdapServer server : config.servers()) {
            LDAPConnectionOptions serverOptions = options;
            if (server.address().isPresent()) {
                serverOptions = options.duplicate();
                serverOptions.setNameResolver(
                        new FixedAddress(server.host(), server.address().get()));
            }
            sets.add(
                    new SingleServerSet(server.host(), server.port(), socketFactory, serverOptions, bind, postConnect));
        }
        return sets.size() == 1 ? sets.get(0) : new FailoverServerSet(sets);
    }

    /** Resolves one name to a configured IP literal (no DNS); other names as the JVM does. */
    private static final class FixedAddress extends NameResolver {
        private final String host;
        private final String address;

        FixedAddress(String host, String address) {
            this.host = host;
            this.address = address;
        }

        @Override
        public InetAddress getByName(String name) throws UnknownHostException {
            return host.equalsIgnoreCase(name) ? InetAddress.getByName(address) : super.getByName(name);
        }

        @Override
        public InetAddress[] getAllByName(String name) throws UnknownHostException {
            return host.equalsIgnoreCase(name) ? new InetAddress[] {getByName(name)} : super.getAllByName(name);
        }

        @Override
        public void toString(StringBuilder buffer) {
            buffer.append("FixedAddress(")
                    .append(host)
                    .append('=')
                    .append(address)
                    .append(')');
        }
    }

    private static SSLContext sslContext(DirectoryConfig config) throws DirectoryException {
        if (config.sslContext() != null) {
            return config.sslContext();
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new DirectoryException("no default TLS context: " + e.getMessage(), e);
        }
    }
}
