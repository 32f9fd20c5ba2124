package org.cews.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import org.cews.lab.officer.OfficerToken;

/**
 * What a running lab tells the scripts and tests that use it, written as
 * {@code <state dir>/lab-status.properties} (java.util.Properties format; paths absolute):
 *
 * <pre>
 * state=running | stopped        pid, started (and stopped) ISO-8601 instants
 * host=127.0.0.1
 * ldap.port, ldap.url, ldap.baseDn, ldap.configurationNC
 * kdc.port, kerberos.realm, kerberos.krb5Conf, kerberos.httpKeytab, kerberos.httpPrincipal,
 *   kerberos.caKeytab, kerberos.caPrincipal, kerberos.cesKeytab, kerberos.cesPrincipal
 * epm.port, icpr.port
 * officer.port, officer.url, officer.tokenFile (send its token as Authorization: Bearer TOKEN)
 * ca.name, ca.host, ca.certificate (the AIA file, DER)
 * accounts.file (a copy of the lab's accounts and passwords)
 * agent.keyStore, agent.keyStorePassword, agent.alias (svc-ces's Enrollment Agent PKCS#12; the
 *   file exists once the CA issued it, see CesAgentKeyStore)
 * </pre>
 */
public record LabStatus(
        Path stateDir,
        int ldapPort,
        int kdcPort,
        int epmPort,
        int icprPort,
        int officerPort,
        Path krb5Conf,
        Path httpKeytab,
        Path caKeytab,
        String caName,
        Path caCertificate,
        Path accountsFile,
        Instant started) {

    public static final String FILE = "lab-status.properties";

    public Path file() {
        return stateDir.resolve(FILE);
    }

    public Properties toProperties(String state) {
        Properties p = new Properties();
        p.setProperty("state", state);
        p.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        p.setProperty("started", started.toString());
        p.setProperty("host", LabRealm.LOOPBACK);
        p.setProperty("ldap.port", String.valueOf(ldapPort));
        p.setProperty("ldap.url", "ldap://" + LabRealm.LOOPBACK + ":" + ldapPort);
        p.setProperty("ldap.baseDn", LabRealm.DOMAIN_DN);
        p.setProperty("ldap.configurationNC", LabRealm.CONFIG_NC);
        p.setProperty("kdc.port", String.valueOf(kdcPort));
        p.setProperty("kerberos.realm", LabRealm.REALM);
        p.setProperty("kerberos.krb5Conf", absolute(krb5Conf));
        p.setProperty("kerberos.httpKeytab", absolute(httpKeytab));
        p.setProperty("kerberos.httpPrincipal", LabRealm.principal(LabRealm.HTTP_SPN));
        p.setProperty("kerberos.caKeytab", absolute(caKeytab));
        p.setProperty("kerberos.caPrincipal", LabRealm.principal(LabRealm.CA_SPN));
        // The connector's own account, next to the CA's keytab (EmbeddedKdc writes both).
        p.setProperty("kerberos.cesKeytab", absolute(caKeytab.resolveSibling(org.cews.lab.kdc.EmbeddedKdc.CES_KEYTAB)));
        p.setProperty("kerberos.cesPrincipal", LabRealm.principal(org.cews.lab.kdc.EmbeddedKdc.CES_ACCOUNT));
        p.setProperty("epm.port", String.valueOf(epmPort));
        p.setProperty("icpr.port", String.valueOf(icprPort));
        p.setProperty("officer.port", String.valueOf(officerPort));
        p.setProperty("officer.url", "http://" + LabRealm.LOOPBACK + ":" + officerPort + "/");
        p.setProperty("officer.tokenFile", absolute(stateDir.resolve(OfficerToken.FILE)));
        p.setProperty("ca.name", caName);
        p.setProperty("ca.host", LabRealm.CA_HOST);
        p.setProperty("ca.certificate", absolute(caCertificate));
        p.setProperty("accounts.file", absolute(accountsFile));
        p.setProperty("agent.keyStore", absolute(stateDir.resolve(CesAgentKeyStore.FILE)));
        p.setProperty("agent.keyStorePassword", CesAgentKeyStore.PASSWORD);
        p.setProperty("agent.alias", CesAgentKeyStore.ALIAS);
        return p;
    }

    /** Writes the file whole (a temporary file moved over the old one), so a reader never sees half. */
    public Path write(String state, Instant at) throws IOException {
        return store(stateDir, toProperties(state), state, at);
    }

    /**
     * Writes {@code p} as {@code <stateDir>/lab-status.properties}, with the instant of a state
     * other than running; shared with {@link RealmLabStatus}.
     */
    static Path store(Path stateDir, Properties p, String state, Instant at) throws IOException {
        if (!state.equals("running")) {
            p.setProperty(state, at.toString());
        }
        Path file = stateDir.resolve(FILE);
        Path tmp = Files.createTempFile(stateDir, "lab-status", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "cews lab status: every listener is on 127.0.0.1");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** Reads a status file, for the officer command and tests. */
    public static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
