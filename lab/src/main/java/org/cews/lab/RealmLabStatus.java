package org.cews.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.cews.lab.officer.OfficerToken;

/**
 * The status file of a {@link RealmLab}, {@code <state dir>/lab-status.properties} like
 * {@link LabStatus}'s, with what such a lab has: no KDC, no directory of its own, no keytabs but
 * the CA's, no accounts file.
 *
 * <pre>
 * state=running | stopped        pid, started (and stopped) ISO-8601 instants
 * mode=realm, host=127.0.0.1
 * kerberos.realm, kerberos.caPrincipal, kerberos.caKeytab
 * ldap.url, ldap.address         the realm's directory the CA reads (address: where it is reached, if given)
 * ldap.bind                      how the CA binds there: GSSAPI as its principal, or simple as a DN
 * epm.port, icpr.port
 * officer.port, officer.url, officer.tokenFile (send its token as Authorization: Bearer TOKEN)
 * ca.name, ca.host, ca.certificate (the AIA file, DER)
 * </pre>
 */
public record RealmLabStatus(
        Path stateDir,
        RealmConfig realm,
        int epmPort,
        int icprPort,
        int officerPort,
        String caName,
        Path caCertificate,
        Instant started) {

    public Properties toProperties(String state) {
        Properties p = new Properties();
        p.setProperty("state", state);
        p.setProperty("mode", "realm");
        p.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        p.setProperty("started", started.toString());
        p.setProperty("host", LabRealm.LOOPBACK);
        p.setProperty("kerberos.realm", realm.realm());
        p.setProperty("kerberos.caPrincipal", realm.caPrincipal());
        p.setProperty("kerberos.caKeytab", absolute(realm.caKeytab()));
        p.setProperty("ldap.url", realm.directoryUrl());
        realm.directory().address().ifPresent(address -> p.setProperty("ldap.address", address));
        p.setProperty("ldap.bind", realm.bindDescription());
        p.setProperty("epm.port", String.valueOf(epmPort));
        p.setProperty("icpr.port", String.valueOf(icprPort));
        p.setProperty("officer.port", String.valueOf(officerPort));
        p.setProperty("officer.url", "http://" + LabRealm.LOOPBACK + ":" + officerPort + "/");
        p.setProperty("officer.tokenFile", absolute(stateDir.resolve(OfficerToken.FILE)));
        p.setProperty("ca.name", caName);
        p.setProperty("ca.host", realm.caHost());
        p.setProperty("ca.certificate", absolute(caCertificate));
        return p;
    }

    /** Writes the file whole, as {@link LabStatus#write} does. */
    public Path write(String state, Instant at) throws IOException {
        return LabStatus.store(stateDir, toProperties(state), state, at);
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
