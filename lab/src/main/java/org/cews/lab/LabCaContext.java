package org.cews.lab;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 */
public record LabCaContext(
        Path caDir,
        DirectoryConfig directoryConfig,
        LabAccounts accounts,
        Clock clock,
        Optional<DirectoryChanges> directoryChanges) {

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
        this(caDir, embedded(ldapHost, ldapPort, bindDn, bindPassword), accounts, clock, directoryChanges);
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
