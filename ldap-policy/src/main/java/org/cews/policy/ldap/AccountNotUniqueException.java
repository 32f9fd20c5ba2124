package org.cews.policy.ldap;

/**
 * More than one account answers to a name that should name one (a sAMAccountName, a UPN, a DNS
 * host name, a SID): the directory needs fixing, and no caller may be mapped by that name meanwhile.
 */
public class AccountNotUniqueException extends DirectoryException {

    private static final long serialVersionUID = 1L;

    public AccountNotUniqueException(String message) {
        super(message);
    }
}
