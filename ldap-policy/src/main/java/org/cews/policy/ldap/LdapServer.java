package org.cews.policy.ldap;

import com.unboundid.util.args.IPAddressArgumentValueValidator;
import java.util.Optional;

/**
 * One domain controller to try, in the order given.
 *
 * @param host the DC's DNS name: the TLS certificate must name it and Kerberos asks for {@code
 *     ldap/<host>}. An address works for simple binds, but UnboundID accepts any trusted certificate
 *     on a loopback address without checking its name, and no KDC has {@code ldap/<address>}.
 * @param address where to connect instead of resolving {@code host} (an IP literal), for a DC that
 *     DNS does not know under that name: the tests' DC on loopback, a lab. Like curl's
 *     {@code --resolve}.
 */
public record LdapServer(String host, int port, Optional<String> address) {

    public LdapServer {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("LDAP server needs a host and a port in 1..65535: " + host + ":" + port);
        }
        if (address.isPresent() && !IPAddressArgumentValueValidator.isValidNumericIPAddress(address.get())) {
            throw new IllegalArgumentException("the address of " + host + " must be an IP address: " + address.get());
        }
    }

    public LdapServer(String host, int port) {
        this(host, port, Optional.empty());
    }

    /** This server reached at {@code ipAddress}, its name still {@link #host()}. */
    public LdapServer at(String ipAddress) {
        return new LdapServer(host, port, Optional.of(ipAddress));
    }

    @Override
    public String toString() {
        return host + ":" + port + address.map(a -> " (at " + a + ")").orElse("");
    }
}
