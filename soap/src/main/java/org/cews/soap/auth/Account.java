package org.cews.soap.auth;

import org.cews.policy.acl.CallerSids;

/**
 * The directory account a caller was mapped to, with what the policy view and the CA connector
 * need from it.
 *
 * @param netbiosDomain the domain's NetBIOS name ({@code LAB}), for {@link #ntName()}
 * @param samAccountName the account's sAMAccountName ({@code alice}, {@code WEB01$})
 * @param realm the Kerberos realm ({@code LAB.EXAMPLE}), for {@link #kerberosPrincipal()}
 * @param dn the account's distinguished name
 * @param sids the account's SID and group SIDs (tokenGroups, primary group included) with the
 *     well-known SIDs of a network logon
 */
public record Account(String netbiosDomain, String samAccountName, String realm, String dn, CallerSids sids) {

    public Account {
        if (samAccountName == null || samAccountName.isBlank() || sids == null) {
            throw new IllegalArgumentException("an account needs a sAMAccountName and SIDs");
        }
    }

    /** {@code DOMAIN\sam}: the requester name of enrollment-agent mode ({@code onBehalfOf}). */
    public String ntName() {
        return netbiosDomain + "\\" + samAccountName;
    }

    /** {@code sam@REALM}: the user the connector impersonates by S4U ({@code getConnection(user)}). */
    public String kerberosPrincipal() {
        return samAccountName + "@" + realm;
    }
}
