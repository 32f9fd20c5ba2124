package org.cews.wcce.ra;

import org.cews.wcce.client.CaEndpoint;

/**
 * One CA the adapter may submit to: its priority (lower first, as in the CES URIs of
 * msPKI-Enrollment-Servers, docs/CA-RPC-AD.md §5.4), its name as AD CS knows it (the
 * {@code pwszAuthority} of [MS-ICPR] 3.2.4.1.1), the host and the port of its endpoint mapper, and
 * the service principal the connector authenticates to (Kerberos ticket target, NTLM
 * MsvAvTargetName), {@code null} when not configured. {@code position} is its place in the configuration, which orders CAs of equal
 * priority.
 */
record ConfiguredCa(int position, int priority, String name, String host, int port, String spn) {

    /** The CA config string, as {@code certutil -config} writes it: {@code host\CA name}. */
    String config() {
        return host + "\\" + name;
    }

    /** The NTLM target name: the configured service principal, else {@code host/<host>}. */
    String ntlmTarget() {
        return spn != null ? spn : "host/" + host;
    }

    CaEndpoint endpoint() {
        return new CaEndpoint(host, port, name);
    }

    @Override
    public String toString() {
        return config() + " (endpoint mapper port " + port + ", priority " + priority + ")";
    }
}
