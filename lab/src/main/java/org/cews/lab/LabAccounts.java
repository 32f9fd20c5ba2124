package org.cews.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.cews.wcce.msnlmp.NtlmV2;
import org.cews.wcce.server.msnlmp.NtlmCredentialLookup;

/**
 * The lab's accounts and passwords, read from {@code org/cews/lab/lab-accounts.properties}: the
 * one source the directory, the KDC and the CA's NTLM database are all built from.
 */
public record LabAccounts(List<User> users, List<Service> services) {

    public static final String RESOURCE = "/org/cews/lab/lab-accounts.properties";

    /** An AD user or computer account of the fixtures with its password. */
    public record User(String samAccountName, String dn, String password) {
        public String kerberosPrincipal() {
            return LabRealm.principal(samAccountName);
        }

        @Override
        public String toString() {
            return "User[" + samAccountName + ", " + dn + ", password redacted]";
        }
    }

    /** A service principal name and the password its keys derive from. */
    public record Service(String spn, String password) {
        public String kerberosPrincipal() {
            return LabRealm.principal(spn);
        }

        @Override
        public String toString() {
            return "Service[" + spn + ", password redacted]";
        }
    }

    public LabAccounts {
        users = List.copyOf(users);
        services = List.copyOf(services);
    }

    /** The accounts shipped with the lab. */
    public static LabAccounts load() {
        try (InputStream in = LabAccounts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Properties p = new Properties();
            p.load(in);
            return parse(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LabAccounts parse(Properties p) {
        List<User> users = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("user.") && key.endsWith(".password")) {
                String sam = key.substring(5, key.length() - 9);
                String dn = p.getProperty("user." + sam + ".dn");
                if (dn == null) {
                    throw new IllegalStateException("lab account " + sam + " (expected: a dn, actual: none)");
                }
                users.add(new User(sam, dn, p.getProperty(key)));
            } else if (key.startsWith("service.") && key.endsWith(".password")) {
                services.add(new Service(key.substring(8, key.length() - 9), p.getProperty(key)));
            }
        }
        users.sort(Comparator.comparing(User::samAccountName));
        services.sort(Comparator.comparing(Service::spn));
        return new LabAccounts(users, services);
    }

    public Optional<User> user(String samAccountName) {
        return users.stream()
                .filter(u -> u.samAccountName().equalsIgnoreCase(samAccountName))
                .findFirst();
    }

    public User requireUser(String samAccountName) {
        return user(samAccountName).orElseThrow(() -> new IllegalArgumentException("no lab account " + samAccountName));
    }

    public Service requireService(String spn) {
        return services.stream()
                .filter(s -> s.spn().equals(spn))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lab service " + spn));
    }

    /**
     * The CA's NTLM account database ([MS-NLMP] 3.2.5.1.2): user names ignoring case, and the
     * domain as a client may send it: NetBIOS, DNS, realm spelling, or empty.
     */
    public NtlmCredentialLookup ntlm() {
        Set<String> domains = Set.of(
                "", LabRealm.NETBIOS_DOMAIN.toLowerCase(Locale.ROOT), LabRealm.DNS_DOMAIN.toLowerCase(Locale.ROOT));
        return (user, domain) -> {
            if (domain == null || !domains.contains(domain.toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            return user(user).map(u -> NtlmV2.ntHash(u.password().toCharArray()));
        };
    }
}
