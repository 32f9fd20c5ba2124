package org.cews.lab;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cews.lab.directory.DirectoryChanges;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.TransportSecurity;

/**
 * What the lab hands its CA engine: a directory of its own for keys and the request database
 * (kept across restarts), the directory to read and how (ldap-policy's reader configuration), the
 * lab's accounts, and the clock.
 *
 * @param caDir {@code <state dir>/ca}, created; the CA owns what is inside
 * @param directoryConfig where the directory listens and how the CA binds there: the embedded
 *     directory on loopback as svc-cep (which may read everything the CA needs: templates,
 *     enrollment services, accounts and their tokenGroups), or a realm's DC ({@link RealmConfig})
 * @param directoryChanges the directory's write count, when the lab runs it (its embedded
 *     directory): a CA may keep what it read until the count moves
 * @param publication where the lab's HTTP endpoint serves CRLs and OCSP ({@code
 *     http://127.0.0.1:PORT/}), which a CA names in the certificates it issues ({@link #cdpUrls},
 *     {@link #ocspUrls}); empty: the certificates name none
 */
public record LabCaContext(
        Path caDir,
        DirectoryConfig directoryConfig,
        LabAccounts accounts,
        Clock clock,
        Optional<DirectoryChanges> directoryChanges,
        Optional<String> publication) {

    /** Without revocation publication. */
    public LabCaContext(
            Path caDir,
            DirectoryConfig directoryConfig,
            LabAccounts accounts,
            Clock clock,
            Optional<DirectoryChanges> directoryChanges) {
        this(caDir, directoryConfig, accounts, clock, directoryChanges, Optional.empty());
    }

    /** This context with CRLs and OCSP published under {@code base} ({@code http://127.0.0.1:PORT/}). */
    public LabCaContext withPublication(String base) {
        return new LabCaContext(caDir, directoryConfig, accounts, clock, directoryChanges, Optional.of(base));
    }

    /**
     * The CRL distribution point of CA {@code caName}: AD CS's default
     * {@code http://<host>/CertEnroll/<CaName>.crl} on the lab's HTTP endpoint.
     */
    public List<String> cdpUrls(String caName) {
        return publication
                .map(base -> List.of(base + "CertEnroll/" + pathSegment(caName) + ".crl"))
                .orElse(List.of());
    }

    /** The OCSP responder of CA {@code caName} ({@code http://<host>/ocsp/<CaName>}). */
    public List<String> ocspUrls(String caName) {
        return publication
                .map(base -> List.of(base + "ocsp/" + pathSegment(caName)))
                .orElse(List.of());
    }

    private static String pathSegment(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** The embedded directory at {@code ldapHost:ldapPort}, read as {@code bindDn}. */
    public LabCaContext(
            Path caDir,
            String ldapHost,
            int ldapPort,
            String bindDn,
            String bindPassword,
            LabAccounts accounts,
            Clock clock,
            Optional<DirectoryChanges> directoryChanges) {
        this(
                caDir,
                embedded(ldapHost, ldapPort, bindDn, bindPassword),
                accounts,
                clock,
                directoryChanges,
                Optional.empty());
    }

    /** A directory whose changes the lab cannot see. */
    public LabCaContext(
            Path caDir,
            String ldapHost,
            int ldapPort,
            String bindDn,
            String bindPassword,
            LabAccounts accounts,
            Clock clock) {
        this(caDir, ldapHost, ldapPort, bindDn, bindPassword, accounts, clock, Optional.empty());
    }

    /** ldap-policy's reader configuration for the embedded directory: plain LDAP on loopback, simple bind. */
    private static DirectoryConfig embedded(String ldapHost, int ldapPort, String bindDn, String bindPassword) {
        return DirectoryConfig.builder()
                .server(ldapHost, ldapPort)
                .security(TransportSecurity.NONE)
                .bind(new BindMethod.Simple(bindDn, bindPassword.toCharArray()))
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Override
    public String toString() {
        return "LabCaContext[" + caDir + ", " + directoryConfig.servers() + " over " + directoryConfig.security()
                + " bound " + directoryConfig.bind() + "]";
    }
}
