package org.cews.epa.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * How an endpoint checks channel binding tokens: the levels of IIS's {@code extendedProtection
 * tokenChecking} (None, Allow, Require), as far as the JDK's Kerberos acceptor can give them
 * (docs/WILDFLY-AUTH.md §7.4):
 *
 * <ul>
 *   <li>{@link #NONE}: not checked; a token with a correct, a wrong or no binding is accepted
 *       (RFC 4121 §4.1.1.2 lets the acceptor ignore the initiator's binding).
 *   <li>{@link #ALLOW}: on IIS, a token without a binding is accepted and one with a wrong binding
 *       refused. The JDK's acceptor cannot do that: once it checks bindings it refuses tokens
 *       without one, and the refused token cannot be tried again without the check because it is
 *       already in the replay cache. Allow is therefore enforced as {@link #REQUIRE} (and logged).
 *   <li>{@link #REQUIRE}: the token must carry the binding of the TLS channel it arrives on; a
 *       token without a binding or with another one is refused (403).
 * </ul>
 */
public enum TokenChecking {
    NONE,
    ALLOW,
    REQUIRE;

    /** The level as the JDK acceptor enforces it: {@link #NONE} or {@link #REQUIRE}. */
    public TokenChecking enforced() {
        return this == NONE ? NONE : REQUIRE;
    }

    /** The IIS spelling: None, Allow, Require. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The level named {@code value} without regard to case; blank or absent means {@link #NONE}. */
    public static Optional<TokenChecking> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(NONE);
        }
        for (TokenChecking level : values()) {
            if (level.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
