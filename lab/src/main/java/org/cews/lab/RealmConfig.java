package org.cews.lab;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lab CA inside a realm it does not run (issue 5: a Samba AD DC is the KDC and the directory,
 * the lab only emulates the CA): which realm, the keytab and principal of the CA's service (as
 * {@code samba-tool domain exportkeytab} writes them), and the directory the CA reads its policy
 * and the callers' accounts from, with the account it binds as. Given with {@link #split}'s
 * options; with them, {@link RealmLab} runs instead of {@link Lab}.
 *
 * @param caPrincipal the CA's service principal with its realm, e.g. {@code host/ca.lab.example@LAB.EXAMPLE}
 * @param bindPasswordFile a file holding the bind password (first line), so it is not on the command line
 */
public record RealmConfig(
        String realm,
        Path caKeytab,
        String caPrincipal,
        String directoryHost,
        int directoryPort,
        String bindDn,
        Path bindPasswordFile) {

    public static final String USAGE =
            """
            Inside an existing realm (a Samba AD DC: its KDC and directory; no embedded KDC or
            directory, NTLM not offered; --ldap-port and --kdc-port are not used):
              --realm=REALM              the Kerberos realm, e.g. LAB.EXAMPLE
              --ca-keytab=FILE           the keytab of the CA's service principal
              --ca-principal=SPN         the CA's service principal, e.g. host/ca.lab.example
              --directory=ldap://H:P     the realm's directory (plain LDAP, simple bind)
              --bind-dn=DN               the account the CA reads the directory as
              --bind-password-file=FILE  that account's password (first line of FILE)
            """;

    static final List<String> OPTIONS =
            List.of("realm", "ca-keytab", "ca-principal", "directory", "bind-dn", "bind-password-file");

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
        if (caPrincipal.startsWith("@") || bindDn.isBlank()) {
            throw new IllegalArgumentException("--ca-principal and --bind-dn must not be empty");
        }
        if (directoryPort < 1 || directoryPort > 0xFFFF) {
            throw new IllegalArgumentException("--directory port (expected: 1..65535, actual: " + directoryPort + ")");
        }
    }

    /** The lab's own options, and the realm if any of {@link #OPTIONS} was given. */
    public record Split(Optional<RealmConfig> realm, String[] labArgs) {}

    /**
     * Takes the realm options out of {@code args}; the rest is for {@link LabConfig#parse}. Either
     * none of the realm options or all of them; each at most once.
     */
    public static Split split(String... args) {
        String[] values = new String[OPTIONS.size()];
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            int index = arg.startsWith("--") && eq > 2 ? OPTIONS.indexOf(arg.substring(2, eq)) : -1;
            if (index < 0) {
                rest.add(arg);
            } else if (values[index] != null) {
                throw new IllegalArgumentException("--" + OPTIONS.get(index) + " given twice");
            } else {
                values[index] = arg.substring(eq + 1);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].isBlank()) {
                missing.add("--" + OPTIONS.get(i));
            }
        }
        String[] labArgs = rest.toArray(String[]::new);
        if (missing.size() == OPTIONS.size()) {
            return new Split(Optional.empty(), labArgs);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("running inside a realm needs " + missing + " too");
        }
        URI directory = directory(values[3]);
        return new Split(
                Optional.of(new RealmConfig(
                        values[0],
                        Path.of(values[1]),
                        values[2],
                        directory.getHost(),
                        directory.getPort() < 0 ? 389 : directory.getPort(),
                        values[4],
                        Path.of(values[5]))),
                labArgs);
    }

    private static URI directory(String value) {
        try {
            URI uri = new URI(value);
            if ("ldap".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("--directory (expected: ldap://host:port, actual: " + value + ")");
    }

    /** The first line of {@link #bindPasswordFile}. */
    public String bindPassword() throws IOException {
        List<String> lines = Files.readAllLines(bindPasswordFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new IOException(
                    "--bind-password-file " + bindPasswordFile + " (expected: a password, actual: empty)");
        }
        return lines.get(0);
    }

    /** The host part of the CA's service principal ({@code ca.lab.example}), or the realm's DNS name. */
    public String caHost() {
        String name = caPrincipal.substring(0, caPrincipal.lastIndexOf('@'));
        int slash = name.indexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : realm.toLowerCase(Locale.ROOT);
    }

    public String directoryUrl() {
        return "ldap://" + directoryHost + ":" + directoryPort;
    }
}
