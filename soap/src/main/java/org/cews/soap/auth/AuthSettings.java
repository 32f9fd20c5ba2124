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
 * @see RevocationPolicy the revocation settings of client certificates, read at every check
 */
public record AuthSettings(
        String realm,
        String netbiosDomain,
        Duration identityCache,
        int maxFailures,
        int maxFailuresPerSource,
        Duration failureWindow,
        Duration block) {

    public static final String PREFIX = "cews.auth.";

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
                Duration.ofSeconds(number(p, "blockSeconds", 120)));
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
