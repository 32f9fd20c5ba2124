package org.cews.soap.auth;

import java.time.Duration;
import java.util.Properties;
import org.cews.soap.SoapMessages;

/**
 * The caller authentication's settings, the WildFly system properties {@code cews.auth.*} that
 * deploy/cli/configure-security.cli sets from deploy/env/cews.properties (docs/AUTHENTICATION.md §6).
 *
 * @param realm the accounts' Kerberos realm; a Kerberos caller of another realm is refused
 * @param netbiosDomain the NetBIOS domain name, for DOMAIN&#92;user names and {@link Account#ntName()}
 * @param identityCache how long a caller's account and SIDs are kept
 * @param maxFailures wrong UsernameToken passwords for one account within {@code failureWindow}
 *     before further attempts for it are refused
 * @param maxFailuresPerSource the same for one source address, whatever the accounts (higher: many
 *     users may come through one proxy or NAT address)
 * @param block how long those attempts are refused
 * @param passwordCache how long a UsernameToken password the directory accepted is remembered (as
 *     an HMAC, never the password), so that the same password for the same account within that
 *     time needs no LDAP bind; zero is off, at most {@link #MAX_PASSWORD_CACHE} (docs/AUTHENTICATION.md §3.1)
 * @see RevocationPolicy the revocation settings of client certificates, read at every check
 */
public record AuthSettings(
        String realm,
        String netbiosDomain,
        Duration identityCache,
        int maxFailures,
        int maxFailuresPerSource,
        Duration failureWindow,
        Duration block,
        Duration passwordCache) {

    public static final String PREFIX = "cews.auth.";

    /** The longest a verified password may be remembered: IIS's default logon token cache (15 minutes). */
    public static final Duration MAX_PASSWORD_CACHE = Duration.ofMinutes(15);

    public AuthSettings {
        if (realm == null || realm.isBlank()) {
            throw new IllegalArgumentException(
                    SoapMessages.SOAP0401.format(PREFIX + "realm", realm, "a realm is required"));
        }
        if (netbiosDomain == null || netbiosDomain.isBlank()) {
            throw new IllegalArgumentException(
                    SoapMessages.SOAP0401.format(PREFIX + "netbiosDomain", netbiosDomain, "a domain is required"));
        }
        if (maxFailures < 1
                || identityCache.isNegative()
                || failureWindow.isNegative()
                || failureWindow.isZero()
                || block.isNegative()
                || block.isZero()) {
            throw new IllegalArgumentException(SoapMessages.SOAP0401.format(
                    PREFIX + "*",
                    maxFailures + "/" + identityCache + "/" + failureWindow + "/" + block,
                    "maxFailures must be at least 1, the times positive"));
        }
        if (passwordCache == null || passwordCache.isNegative() || passwordCache.compareTo(MAX_PASSWORD_CACHE) > 0) {
            throw new IllegalArgumentException(SoapMessages.SOAP0401.format(
                    PREFIX + "passwordCacheSeconds",
                    passwordCache,
                    "from 0 (off) to " + MAX_PASSWORD_CACHE.toSeconds() + " seconds"));
        }
    }

    /** From properties (the JVM's system properties in the server); unset values take the defaults. */
    public static AuthSettings from(Properties p) {
        return new AuthSettings(
                p.getProperty(PREFIX + "realm"),
                p.getProperty(PREFIX + "netbiosDomain"),
                Duration.ofSeconds(number(p, "identityCacheSeconds", 60)),
                (int) number(p, "maxFailures", 5),
                (int) number(p, "maxFailuresPerSource", 50),
                Duration.ofSeconds(number(p, "failureWindowSeconds", 300)),
                Duration.ofSeconds(number(p, "blockSeconds", 120)),
                passwordCache(p));
    }

    /** {@code cews.auth.passwordCache} (true unless "false") for {@code cews.auth.passwordCacheSeconds} (60). */
    private static Duration passwordCache(Properties p) {
        String on = p.getProperty(PREFIX + "passwordCache", "true").trim();
        if (!on.equals("true") && !on.equals("false")) {
            throw new IllegalArgumentException(
                    SoapMessages.SOAP0401.format(PREFIX + "passwordCache", on, "true or false"));
        }
        return on.equals("true") ? Duration.ofSeconds(number(p, "passwordCacheSeconds", 60)) : Duration.ZERO;
    }

    /** The number {@code PREFIX + name}, or {@code fallback} when unset. */
    static long number(Properties p, String name, long fallback) {
        String value = p.getProperty(PREFIX + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SoapMessages.SOAP0401.format(PREFIX + name, value, "not a number"), e);
        }
    }
}
