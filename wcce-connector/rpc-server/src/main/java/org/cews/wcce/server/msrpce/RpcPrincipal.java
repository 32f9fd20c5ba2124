package org.cews.wcce.server.msrpce;

/**
 * Who a security context authenticated: an account name and its domain (NTLM: the NetBIOS domain
 * the client sent; Kerberos: the client realm of the ticket).
 */
public record RpcPrincipal(String name, String domain) {

    @Override
    public String toString() {
        return domain == null || domain.isEmpty() ? name : domain + "\\" + name;
    }
}
