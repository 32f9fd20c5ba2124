package org.cews.policy.ldap;

import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Where and how to read the policy: the domain controllers in failover order, the transport, the
 * bind, the timeouts and the page size of subtree searches. Build with {@link #builder()}.
 *
 * @param sslContext the trust (and, if any, client keys) for LDAPS/StartTLS; null means the JVM
 *     default
 * @param verifyHostname check the DC certificate's name against the host connected to
 */
public record DirectoryConfig(
        List<LdapServer> servers,
        TransportSecurity security,
        SSLContext sslContext,
        boolean verifyHostname,
        BindMethod bind,
        Duration connectTimeout,
        Duration responseTimeout,
        int pageSize) {

    public DirectoryConfig {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one LDAP server is required");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || responseTimeout.isNegative()
                || responseTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: LDAPS with hostname verification, anonymous, 10 s connect, 30 s response, pages of 500. */
    public static final class Builder {
        private List<LdapServer> servers = List.of();
        private TransportSecurity security = TransportSecurity.LDAPS;
        private SSLContext sslContext;
        private boolean verifyHostname = true;
        private BindMethod bind = new BindMethod.Anonymous();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private int pageSize = 500;

        public Builder servers(List<LdapServer> servers) {
            this.servers = servers;
            return this;
        }

        public Builder server(String host, int port) {
            return server(new LdapServer(host, port));
        }

        /** Adds one server after those already given. */
        public Builder server(LdapServer server) {
            this.servers = java.util.stream.Stream.concat(servers.stream(), java.util.stream.Stream.of(server))
                    .toList();
            return this;
        }

        public Builder security(TransportSecurity security) {
            this.security = security;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder verifyHostname(boolean verifyHostname) {
            this.verifyHostname = verifyHostname;
            return this;
        }

        public Builder bind(BindMethod bind) {
            this.bind = bind;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public DirectoryConfig build() {
            return new DirectoryConfig(
                    servers, security, sslContext, verifyHostname, bind, connectTimeout, responseTimeout, pageSize);
        }
    }
}
