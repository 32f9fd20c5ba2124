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
 * (kept across restarts), where the directory listens and the account to read it as, the lab's
 * accounts, and the clock.
 *
 * @param caDir {@code <state dir>/ca}, created; the CA owns what is inside
 * @param ldapHost the embedded directory's address (127.0.0.1)
 * @param bindDn the account the CA reads the directory as (svc-cep, which may read everything the
 *     CA needs: templates, enrollment services, accounts and their tokenGroups)
 * @param directoryChanges the directory's write count, when the lab runs it (its embedded
 *     directory): a CA may keep what it read until the count moves
 */
public record LabCaContext(
        Path caDir,
        String ldapHost,
        int ldapPort,
        String bindDn,
        String bindPassword,
        LabAccounts accounts,
        Clock clock,
        Optional<DirectoryChanges> directoryChanges) {

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
    public DirectoryConfig directoryConfig() {
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
        return "LabCaContext[" + caDir + ", ldap://" + ldapHost + ":" + ldapPort + " as " + bindDn + "]";
    }
}
