package org.cews.policy.ldap;

/** One domain controller to try, in the order given. */
public record LdapServer(String host, int port) {

    public LdapServer {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("LDAP server needs a host and a port in 1..65535: " + host + ":" + port);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
