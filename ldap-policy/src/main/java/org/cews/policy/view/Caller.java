package org.cews.policy.view;

import java.util.Optional;
import org.cews.policy.acl.CallerSids;

/**
 * Who asks for the policy: a name for the sentences of "explain" and the log (sAMAccountName, UPN
 * or certificate subject), and the SIDs of the account, when there is one. A caller of the
 * key-based-renewal endpoint presents a certificate that need not map to any account
 * (docs/adr/0001, [MS-WSTEP] 3.1.1.1.4), so its SIDs are absent.
 */
public record Caller(String name, Optional<CallerSids> sids) {

    public Caller {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a caller needs a name to be explained to an administrator");
        }
    }

    /** An authenticated account. */
    public static Caller account(String name, CallerSids sids) {
        return new Caller(name, Optional.of(sids));
    }

    /** A certificate holder that maps to no account: only the key-based-renewal view applies. */
    public static Caller certificateHolder(String subject) {
        return new Caller(subject, Optional.empty());
    }
}
