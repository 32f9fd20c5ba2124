package org.cews.lab.directory;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.util.Locale;
import java.util.Optional;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabRealm;

/**
 * Simple binds by the names AD takes besides a DN ([MS-ADTS] 5.1.1.1.1): the user principal name
 * ({@code alice@lab.example}, here the implicit UPN sAMAccountName@DNS domain, which the fixtures'
 * explicit UPNs equal) and the NT account name ({@code LAB\alice}). The bind is rewritten to the
 * account's DN, whose password the directory holds; any other name is left to the server, which
 * refuses what it does not know.
 */
final class AdBindNames extends InMemoryOperationInterceptor {

    private final LabAccounts accounts;

    AdBindNames(LabAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
        SimpleBindRequest bind = request.getRequest();
        account(bind.getBindDN())
                .ifPresent(user -> request.setRequest(
                        new SimpleBindRequest(user.dn(), bind.getPassword().getValue(), bind.getControls())));
    }

    Optional<LabAccounts.User> account(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int slash = name.indexOf('\\');
        if (slash > 0 && name.substring(0, slash).equalsIgnoreCase(LabRealm.NETBIOS_DOMAIN)) {
            return accounts.user(name.substring(slash + 1));
        }
        int at = name.lastIndexOf('@');
        if (at > 0 && name.substring(at + 1).toLowerCase(Locale.ROOT).equals(LabRealm.DNS_DOMAIN)) {
            return accounts.user(name.substring(0, at));
        }
        return Optional.empty();
    }
}
