package org.cews.epa.policy;

import java.net.URI;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import org.cews.epa.EpaMessages;

/**
 * Which Kerberos endpoints check channel bindings: the CEP's ({@code <prefix>_CEP_Kerberos}) and
 * the CES's ({@code <CA name>_CES_Kerberos}), each at its own level, from the WildFly system
 * properties {@code cews.auth.channelBinding.cep} and {@code cews.auth.channelBinding.ces}
 * (deploy/cli/configure-security.cli; docs/AUTHENTICATION.md §2.1). Both are None unless set.
 *
 * <p>Endpoints of the other modes never check: they do not take their caller from Negotiate.
 *
 * @param cep the level of the CEP's Kerberos endpoints
 * @param ces the level of the CES's Kerberos endpoints
 */
public record EndpointPolicy(TokenChecking cep, TokenChecking ces) {

    public static final String CEP_PROPERTY = "cews.auth.channelBinding.cep";
    public static final String CES_PROPERTY = "cews.auth.channelBinding.ces";

    private static final String CEP_KERBEROS = "_cep_kerberos";
    private static final String CES_KERBEROS = "_ces_kerberos";

    /**
     * The levels in {@code properties}; a value that is no level is taken as Require, the strictest,
     * and reported to {@code warnings} (a typo must not switch protection off).
     */
    public static EndpointPolicy from(Properties properties, Consumer<String> warnings) {
        return new EndpointPolicy(level(properties, CEP_PROPERTY, warnings), level(properties, CES_PROPERTY, warnings));
    }

    private static TokenChecking level(Properties properties, String name, Consumer<String> warnings) {
        String value = properties.getProperty(name);
        TokenChecking level = TokenChecking.parse(value).orElse(null);
        if (level == null) {
            warnings.accept(EpaMessages.EPA0107.format(name, value));
            return TokenChecking.REQUIRE;
        }
        if (level == TokenChecking.ALLOW) {
            warnings.accept(EpaMessages.EPA0108.format(name));
        }
        return level;
    }

    /**
     * The level for a request to {@code uri}, as enforced ({@link TokenChecking#enforced()}). The
     * endpoint is recognised wherever its name stands in the path, raw or decoded, without regard
     * to case, so that no spelling the servlet container would route to a Kerberos endpoint (case,
     * percent-encoding, path parameters, dot segments) escapes the check; where a path names both
     * services, the stricter level applies.
     */
    public TokenChecking forRequest(URI uri) {
        String raw = lower(uri.getRawPath());
        String decoded = lower(uri.getPath());
        TokenChecking level = TokenChecking.NONE;
        if (raw.contains(CEP_KERBEROS) || decoded.contains(CEP_KERBEROS)) {
            level = cep.enforced();
        }
        if ((raw.contains(CES_KERBEROS) || decoded.contains(CES_KERBEROS)) && ces.enforced() == TokenChecking.REQUIRE) {
            level = TokenChecking.REQUIRE;
        }
        return level;
    }

    /** Whether any endpoint checks bindings. */
    public boolean checksAny() {
        return cep.enforced() == TokenChecking.REQUIRE || ces.enforced() == TokenChecking.REQUIRE;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
