package org.cews.soap.auth;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.cews.policy.view.Caller;

/**
 * The authenticated caller of one CEP or CES request: the one identity the rest of the product
 * sees, whatever the mode.
 *
 * @param mode how the caller authenticated (the endpoint's mode)
 * @param account the directory account; absent only for a certificate that maps to no account on a
 *     key-based renewal endpoint
 * @param certificate the TLS client certificate, in {@link AuthMode#CERTIFICATE} mode
 */
public record CallerIdentity(AuthMode mode, Optional<Account> account, Optional<X509Certificate> certificate) {

    public CallerIdentity {
        if (mode == null || account == null || certificate == null) {
            throw new IllegalArgumentException("a caller identity needs a mode, an account or a certificate");
        }
        if (account.isEmpty() && certificate.isEmpty()) {
            throw new IllegalArgumentException("a caller without an account must hold a certificate");
        }
    }

    /** For sentences and audit lines: {@code DOMAIN\sam}, or the certificate's subject. */
    public String name() {
        return account.map(Account::ntName)
                .orElseGet(() -> certificate.get().getSubjectX500Principal().getName());
    }

    /** The caller as ldap-policy's views and explanations take it. */
    public Caller policyCaller() {
        return account.map(a -> Caller.account(a.ntName(), a.sids())).orElseGet(() -> Caller.certificateHolder(name()));
    }
}
