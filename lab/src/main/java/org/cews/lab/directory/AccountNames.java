package org.cews.lab.directory;

import java.util.Optional;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * The sAMAccountName an RPC principal stands for ([MS-WCCE] 3.2.1.4.1.2: the CA takes the caller
 * from its logon). NTLM gives {@code name} with the NetBIOS domain apart; a Kerberos client name
 * may arrive as {@code name@REALM}; a {@code DOMAIN\name} in the name field is split too. A
 * computer's account name ends in "$" ({@code WEB01$}) in every form. The domain is not checked:
 * the lab forest has one domain.
 */
public final class AccountNames {

    private AccountNames() {}

    public static Optional<String> samAccountName(RpcPrincipal principal) {
        String name = principal.name();
        if (name == null) {
            return Optional.empty();
        }
        int slash = name.lastIndexOf('\\');
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        int at = name.lastIndexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        name = name.strip();
        return name.isEmpty() || name.length() > 256 ? Optional.empty() : Optional.of(name);
    }
}
