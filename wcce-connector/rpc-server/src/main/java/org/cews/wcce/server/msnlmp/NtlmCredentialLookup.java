package org.cews.wcce.server.msnlmp;

import java.util.List;
import java.util.Optional;
import org.cews.wcce.msnlmp.NtlmCredential;

/**
 * The server's account database ([MS-NLMP] 3.2.5.1.2: "the server obtains the response key by
 * looking up the user name in a database"). The lab backs it with its test accounts.
 */
@FunctionalInterface
public interface NtlmCredentialLookup {

    /**
     * The 16-byte NT hash of {@code user} in {@code domain}, both as the client sent them in the
     * AUTHENTICATE_MESSAGE, or empty if there is no such account. User names are case-insensitive
     * (3.2.5.1.2, last note); the domain may be the NetBIOS or the DNS name, or empty.
     */
    Optional<byte[]> ntHash(String user, String domain);

    /** A fixed set of accounts, user and domain compared ignoring case. */
    static NtlmCredentialLookup of(List<NtlmCredential> accounts) {
        List<NtlmCredential> copy = List.copyOf(accounts);
        return (user, domain) -> copy.stream()
                .filter(c -> c.user().equalsIgnoreCase(user) && c.domain().equalsIgnoreCase(domain))
                .findFirst()
                .map(NtlmCredential::ntHash);
    }
}
