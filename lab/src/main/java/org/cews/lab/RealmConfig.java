package org.cews.lab;

import com.unboundid.util.args.IPAddressArgumentValueValidator;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.LdapServer;
import org.cews.policy.ldap.TransportSecurity;

/**
 * The lab CA inside a realm it does not run (issue 5: a Samba AD DC is the KDC and the directory,
 * the lab only emulates the CA): which realm, the keytab and principal of the CA's service (as
 * {@code samba-tool domain exportkeytab} writes them), and the directory the CA reads its policy
 * and the callers' accounts from, with how it binds there. Given with {@link #split}'s options;
 * with them, {@link RealmLab} runs instead of {@link Lab}.
 *
 * <p>The bind is what a DC that requires LDAP signing accepts: SASL GSSAPI as the CA's own
 * principal with the CA's keytab (sealed over plain LDAP, inside TLS over LDAPS; ldap-policy's
 * {@link BindMethod.GssapiKeytab}), or a simple bind, over LDAPS to such a DC (over plain LDAP only
 * a directory that accepts passwords in clear takes it, such as the lab's own).
 *
 * @param caPrincipal the CA's service principal with its realm, e.g. {@code host/ca.lab.example@LAB.EXAMPLE}
 * @param directory the DC by its DNS name (Kerberos asks for {@code ldap/<name>}; LDAPS checks the
 *     certificate against it), optionally reached at an IP address
 * @param directoryCa PEM CA certificates to trust for LDAPS; empty: the JVM's trust store
 * @param krb5Conf the realm's Kerberos configuration for the GSSAPI bind; empty: the JVM's
 */
public record RealmConfig(
        String realm,
        Path caKeytab,
        String caPrincipal,
        LdapServer directory,
        TransportSecurity security,
        Optional<Path> directoryCa,
        Bind bind,
        Optional<Path> krb5Conf) {

    public static final String USAGE =
            """
            Inside an existing realm (a Samba AD DC: its KDC and directory; no embedded KDC or
            directory, NTLM not offered; --ldap-port and --kdc-port are not used):
              --realm=REALM              the Kerberos realm, e.g. LAB.EXAMPLE
              --ca-keytab=FILE           the keytab of the CA's service principal
              --ca-principal=SPN         the CA's service principal, e.g. host/ca.lab.example
              --directory=URL            the realm's directory: ldap://DC:389 or ldaps://DC:636, DC by
                                         its DNS name (ldap/DC for Kerberos, the LDAPS certificate's name)
              --directory-address=IP     connect to the DC at IP instead of resolving its name
              --directory-ca=FILE        PEM CA certificate(s) to trust for ldaps:// (default: the JVM's)
              --bind=gssapi|simple       how the CA reads the directory (default gssapi):
                                         gssapi: SASL GSSAPI as --ca-principal with --ca-keytab, sealed
                                         over ldap://, inside TLS over ldaps:// (what a DC requiring
                                         LDAP signing accepts)
                                         simple: --bind-dn with its password; give ldaps:// to a real
                                         DC (over ldap:// the password goes in clear)
              --krb5-conf=FILE           the realm's krb5.conf for --bind=gssapi (default: the JVM's)
              --bind-principal=NAME      --bind=gssapi as NAME (its keys in --ca-keytab), e.g. the CA's
                                         account CA$ (default: --ca-principal)
              --bind-dn=DN               --bind=simple: the account the CA reads the directory as
              --bind-password-file=FILE  --bind=simple: that account's password (first line of FILE)
            """;

    /** The options that put the lab inside a realm; each needed there. */
    static final List<String> REQUIRED = List.of("realm", "ca-keytab", "ca-principal", "directory");

    /** The options that only go with {@link #REQUIRED}. */
    static final List<String> OPTIONAL = List.of(
            "directory-address",
            "directory-ca",
            "bind",
            "krb5-conf",
            "bind-dn",
            "bind-password-file",
            "bind-principal");

    /** How the CA binds to the realm's directory. */
    public sealed interface Bind {

        /**
         * SASL GSSAPI with keys from the CA's keytab, as the CA's service principal or as {@code
         * principal} (the CA's account, e.g. {@code CA$}: Samba's KDC does not log in a client by
         * a service name).
         */
        record Gssapi(Optional<String> principal) implements Bind {}

        /** RFC 4513 simple bind; the password is read from {@code passwordFile} at start. */
        record Simple(String bindDn, Path passwordFile) implements Bind {
            public Simple {
                if (bindDn == null || bindDn.isBlank() || passwordFile == null) {
                    throw new IllegalArgumentException("--bind=simple needs --bind-dn and --bind-password-file");
                }
            }
        }
    }

    public RealmConfig {
        if (realm == null || realm.isBlank() || !realm.equals(realm.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--realm (expected: an upper-case realm name, actual: " + realm + ")");
        }
        int at = caPrincipal.lastIndexOf('@');
        if (at < 0) {
            caPrincipal = caPrincipal + "@" + realm;
        } else if (!caPrincipal.substring(at + 1).equals(realm)) {
            throw new IllegalArgumentException(
                    "--ca-principal (expected: a principal of " + realm + ", actual: " + caPrincipal + ")");
        }
        if (caPrincipal.startsWith("@")) {
            throw new IllegalArgumentException("--ca-principal must not be empty");
        }
        if (security == TransportSecurity.START_TLS) {
            throw new IllegalArgumentException("--directory (expected: ldap:// or ldaps://, actual: StartTLS)");
        }
        if (directoryCa.isPresent() && security != TransportSecurity.LDAPS) {
            throw new IllegalArgumentException("--directory-ca (expected: with an ldaps:// --directory, actual: "
                    + directoryUrl(directory, security) + ")");
        }
        if (bind instanceof Bind.Gssapi && IPAddressArgumentValueValidator.isValidNumericIPAddress(directory.host())) {
            throw new IllegalArgumentException("--bind=gssapi (expected: the DC by its DNS name in --directory,"
                    + " Kerberos knows no ldap/" + directory.host()
                    + "; give its address with --directory-address, actual: " + directory.host() + ")");
        }
        if (bind instanceof Bind.Gssapi g && g.principal().isPresent()) {
            String name = g.principal().get();
            int realmAt = name.lastIndexOf('@');
            if (realmAt < 0) {
                bind = new Bind.Gssapi(Optional.of(name + "@" + realm));
            } else if (realmAt == 0 || !name.substring(realmAt + 1).equals(realm)) {
                throw new IllegalArgumentException(
                        "--bind-principal (expected: a principal of " + realm + ", actual: " + name + ")");
            }
        }
        if (krb5Conf.isPresent() && !(bind instanceof Bind.Gssapi)) {
            throw new IllegalArgumentException("--krb5-conf (expected: with --bind=gssapi, actual: --bind=simple)");
        }
    }

    /** The lab's own options, and the realm if any of the realm options was given. */
    public record Split(Optional<RealmConfig> realm, String[] labArgs) {}

    /**
     * Takes the realm options out of {@code args}; the rest is for {@link LabConfig#parse}. Either
     * none of the realm options or all of {@link #REQUIRED}, with what the chosen bind needs; each
     * at most once.
     */
    public static Split split(String... args) {
        List<String> names = new ArrayList<>(REQUIRED);
        names.addAll(OPTIONAL);
        String[] values = new String[names.size()];
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            int index = arg.startsWith("--") && eq > 2 ? names.indexOf(arg.substring(2, eq)) : -1;
            if (index < 0) {
                rest.add(arg);
            } else if (values[index] != null) {
                throw new IllegalArgumentException("--" + names.get(index) + " given twice");
            } else {
                values[index] = arg.substring(eq + 1);
            }
        }
        String[] labArgs = rest.toArray(String[]::new);
        List<String> missing = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            boolean given = values[i] != null && !values[i].isBlank();
            any |= given;
            if (!given && i < REQUIRED.size()) {
                missing.add("--" + names.get(i));
            }
        }
        if (!any) {
            return new Split(Optional.empty(), labArgs);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("running inside a realm needs " + missing + " too");
        }
        URI uri = directory(values[3]);
        boolean ldaps = "ldaps".equalsIgnoreCase(uri.getScheme());
        LdapServer server = server(uri.getHost(), uri.getPort() < 0 ? (ldaps ? 636 : 389) : uri.getPort());
        if (values[4] != null) {
            server = at(server, values[4]);
        }
        return new Split(
                Optional.of(new RealmConfig(
                        values[0],
                        Path.of(values[1]),
                        values[2],
                        server,
                        ldaps ? TransportSecurity.LDAPS : TransportSecurity.NONE,
                        Optional.ofNullable(values[5]).map(Path::of),
                        bind(values[6], values[8], values[9], values[10]),
                        Optional.ofNullable(values[7]).map(Path::of))),
                labArgs);
    }

    private static URI directory(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (("ldap".equalsIgnoreCase(scheme) || "ldaps".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--directory (expected: ldap://host:port or ldaps://host:port, actual: " + value + ")");
    }

    private static LdapServer server(String host, int port) {
        try {
            return new LdapServer(host, port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--directory (expected: a port in 1..65535, actual: " + port + ")", e);
        }
    }

    private static LdapServer at(LdapServer server, String address) {
        try {
            return server.at(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--directory-address (expected: an IP address, actual: " + address + ")", e);
        }
    }

    private static Bind bind(String method, String bindDn, String passwordFile, String principal) {
        String chosen = method == null ? "gssapi" : method;
        switch (chosen) {
            case "gssapi" -> {
                if (bindDn != null || passwordFile != null) {
                    throw new IllegalArgumentException(
                            "--bind-dn and --bind-password-file (expected: with --bind=simple, actual: --bind=gssapi)");
                }
                return new Bind.Gssapi(Optional.ofNullable(principal));
            }
            case "simple" -> {
                if (bindDn == null || bindDn.isBlank() || passwordFile == null || passwordFile.isBlank()) {
                    throw new IllegalArgumentException("--bind=simple needs --bind-dn and --bind-password-file");
                }
                if (principal != null) {
                    throw new IllegalArgumentException(
                            "--bind-principal (expected: with --bind=gssapi, actual: --bind=simple)");
                }
                return new Bind.Simple(bindDn, Path.of(passwordFile));
            }
            default -> throw new IllegalArgumentException(
                    "--bind (expected: gssapi or simple, actual: " + method + ")");
        }
    }

    /**
     * ldap-policy's reader configuration for the realm's directory: the password file and the CA
     * file are read here, so a start with a missing or empty one stops before anything runs.
     */
    public DirectoryConfig directoryConfig() throws IOException, GeneralSecurityException {
        BindMethod method = bind instanceof Bind.Simple s
                ? new BindMethod.Simple(s.bindDn(), password(s.passwordFile()))
                : new BindMethod.GssapiKeytab(gssapiPrincipal(), caKeytab);
        DirectoryConfig.Builder builder = DirectoryConfig.builder()
                .server(directory)
                .security(security)
                .bind(method)
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(30));
        if (directoryCa.isPresent()) {
            Path pem = directoryCa.get();
            if (!Files.isReadable(pem)) {
                throw new IOException("--directory-ca " + pem + " (expected: a readable PEM file, actual: none)");
            }
            builder.sslContext(new SSLUtil(new PEMFileTrustManager(pem.toFile())).createSSLContext());
        }
        return builder.build();
    }

    /** The first line of the password file. */
    private static char[] password(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new IOException("--bind-password-file " + file + " (expected: a password, actual: empty)");
        }
        return lines.get(0).toCharArray();
    }

    /** The host part of the CA's service principal ({@code ca.lab.example}), or the realm's DNS name. */
    public String caHost() {
        String name = caPrincipal.substring(0, caPrincipal.lastIndexOf('@'));
        int slash = name.indexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : realm.toLowerCase(Locale.ROOT);
    }

    public String directoryUrl() {
        return directoryUrl(directory, security);
    }

    private static String directoryUrl(LdapServer server, TransportSecurity security) {
        return (security == TransportSecurity.LDAPS ? "ldaps://" : "ldap://") + server.host() + ":" + server.port();
    }

    /** For logs and the status file: {@code GSSAPI as host/ca...@REALM} or {@code simple as <DN>}. */
    public String bindDescription() {
        return bind instanceof Bind.Simple s ? "simple as " + s.bindDn() : "GSSAPI as " + gssapiPrincipal();
    }

    private String gssapiPrincipal() {
        return bind instanceof Bind.Gssapi g ? g.principal().orElse(caPrincipal) : caPrincipal;
    }
}
