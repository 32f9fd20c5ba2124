package org.cews.soap.directory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.LdapServer;
import org.cews.policy.ldap.TransportSecurity;
import org.cews.soap.SoapMessages;

/**
 * How the services reach the directory, from WildFly system properties that
 * deploy/cli/configure-services.cli sets (its comments are the administrator's manual):
 *
 * <ul>
 *   <li>{@code cews.directory.servers}: LDAP URLs in failover order, separated by commas or
 *       spaces; {@code ldaps://} means LDAPS, {@code ldap://} plain LDAP; every URL the same
 *       scheme. Hosts by DNS name (the TLS certificate and Kerberos {@code ldap/<host>} use it).
 *   <li>{@code cews.directory.startTls}: {@code true} runs StartTLS on {@code ldap://} URLs.
 *   <li>{@code cews.directory.addresses}: {@code host=ip} pairs for DCs that DNS does not know
 *       by that name (a lab on loopback).
 *   <li>{@code cews.directory.bind}: {@code simple} (with {@code bindDn}, {@code bindPassword}),
 *       {@code gssapi} (with {@code principal}, {@code keytab}; the KDC from the JVM's
 *       krb5.conf) or {@code anonymous}.
 *   <li>{@code cews.directory.trustStore}, {@code trustStorePassword}, {@code trustStoreType}
 *       (default PKCS12): the CAs trusted for LDAPS/StartTLS; none means the JVM's.
 *   <li>{@code cews.directory.verifyHostname}: default true.
 *   <li>{@code cews.directory.refreshSeconds}: how often the policy is read again, default 300.
 * </ul>
 */
public record DirectorySettings(DirectoryConfig config, Duration refreshInterval) {

    public static final String PREFIX = "cews.directory.";
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);

    /** Thrown for a setting that is missing or cannot be used; the message names it. */
    public static final class InvalidSettingException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSettingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static DirectorySettings from(Function<String, String> properties) throws InvalidSettingException {
        Settings s = new Settings(properties);
        List<URI> urls = s.urls("servers");
        String scheme = urls.get(0).getScheme().toLowerCase(Locale.ROOT);
        for (URI url : urls) {
            if (!url.getScheme().equalsIgnoreCase(scheme)) {
                throw s.invalid("servers", urls.toString(), "every URL with the same scheme, ldap or ldaps");
            }
        }
        boolean startTls = s.flag("startTls", false);
        TransportSecurity security = scheme.equals("ldaps")
                ? TransportSecurity.LDAPS
                : (startTls ? TransportSecurity.START_TLS : TransportSecurity.NONE);
        Map<String, String> addresses = s.pairs("addresses");
        List<LdapServer> servers = new ArrayList<>();
        for (URI url : urls) {
            int port = url.getPort() > 0 ? url.getPort() : (security == TransportSecurity.LDAPS ? 636 : 389);
            LdapServer server = new LdapServer(url.getHost(), port);
            String address = addresses.get(url.getHost().toLowerCase(Locale.ROOT));
            servers.add(address == null ? server : server.at(address));
        }
        DirectoryConfig.Builder builder = DirectoryConfig.builder()
                .servers(servers)
                .security(security)
                .verifyHostname(s.flag("verifyHostname", true))
                .bind(bind(s));
        Optional<String> trustStore = s.optional("trustStore");
        if (trustStore.isPresent()) {
            builder.sslContext(sslContext(s, Path.of(trustStore.get())));
        }
        long refresh = s.number("refreshSeconds", DEFAULT_REFRESH.toSeconds());
        if (refresh < 1) {
            throw s.invalid("refreshSeconds", Long.toString(refresh), "at least 1");
        }
        try {
            return new DirectorySettings(builder.build(), Duration.ofSeconds(refresh));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(SoapMessages.SOAP0404.format(e.getMessage()), e);
        }
    }

    private static BindMethod bind(Settings s) throws InvalidSettingException {
        String kind = s.optional("bind").orElse("simple").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "simple" -> new BindMethod.Simple(
                    s.required("bindDn", "the account the services read the directory as"),
                    s.required("bindPassword", "the password of bindDn").toCharArray());
            case "gssapi" -> new BindMethod.GssapiKeytab(
                    s.required("principal", "the Kerberos principal to bind as"),
                    Path.of(s.required("keytab", "the keytab holding the principal's keys")));
            case "anonymous" -> new BindMethod.Anonymous();
            default -> throw s.invalid("bind", kind, "simple, gssapi or anonymous");
        };
    }

    private static SSLContext sslContext(Settings s, Path file) throws InvalidSettingException {
        String type = s.optional("trustStoreType").orElse("PKCS12");
        char[] password =
                s.optional("trustStorePassword").map(String::toCharArray).orElse(null);
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidSettingException(
                    SoapMessages.SOAP0401.format(PREFIX + "trustStore", file, e.getMessage()), e);
        }
    }

    /** Reading one prefix's properties, with messages that name the property. */
    private record Settings(Function<String, String> properties) {

        Optional<String> optional(String name) {
            return Optional.ofNullable(properties.apply(PREFIX + name))
                    .map(String::trim)
                    .filter(v -> !v.isEmpty());
        }

        String required(String name, String what) throws InvalidSettingException {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                throw new InvalidSettingException(SoapMessages.SOAP0402.format(PREFIX + name, what), null);
            }
            return value.get();
        }

        boolean flag(String name, boolean fallback) throws InvalidSettingException {
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return fallback;
            }
            return switch (value.get().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid(name, value.get(), "true or false");
            };
        }

        long number(String name, long fallback) throws InvalidSettingException {
            Optional<String> value = optional(name);
            try {
                return value.isEmpty() ? fallback : Long.parseLong(value.get());
            } catch (NumberFormatException e) {
                throw invalid(name, value.get(), "a whole number");
            }
        }

        List<URI> urls(String name) throws InvalidSettingException {
            String value = required(name, "the LDAP URLs of the domain controllers, e.g. ldaps://dc1.example.com");
            List<URI> urls = new ArrayList<>();
            for (String part : value.split("[,\\s]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                try {
                    URI url = new URI(part);
                    String scheme =
                            url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                    if (!(scheme.equals("ldap") || scheme.equals("ldaps")) || url.getHost() == null) {
                        throw invalid(name, part, "ldap://host[:port] or ldaps://host[:port]");
                    }
                    urls.add(url);
                } catch (java.net.URISyntaxException e) {
                    throw invalid(name, part, "an LDAP URL");
                }
            }
            if (urls.isEmpty()) {
                throw invalid(name, value, "at least one LDAP URL");
            }
            return urls;
        }

        Map<String, String> pairs(String name) throws InvalidSettingException {
            Map<String, String> pairs = new LinkedHashMap<>();
            Optional<String> value = optional(name);
            if (value.isEmpty()) {
                return pairs;
            }
            for (String part : value.get().split("[,\\s]+")) {
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw invalid(name, part, "host=ip");
                }
                pairs.put(part.substring(0, eq).toLowerCase(Locale.ROOT), part.substring(eq + 1));
            }
            return pairs;
        }

        InvalidSettingException invalid(String name, String value, String expected) {
            return new InvalidSettingException(SoapMessages.SOAP0401.format(PREFIX + name, value, expected), null);
        }
    }
}
