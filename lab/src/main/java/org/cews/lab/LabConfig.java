package org.cews.lab;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the lab keeps its state and which loopback ports it listens on; 0 lets the OS choose
 * (the KDC: a port found free). Defaults avoid privileged ports and the ones a Samba DC on the
 * same machine holds (88, 135, 389).
 *
 * @param caFactory the class name given with {@code --ca-factory}, see {@link LabCaFactories}
 */
public record LabConfig(
        Path stateDir,
        int ldapPort,
        int kdcPort,
        int epmPort,
        int icprPort,
        int officerPort,
        Optional<String> caFactory) {

    public static final int DEFAULT_LDAP_PORT = 10389;
    public static final int DEFAULT_KDC_PORT = 10088;
    /** deploy/env/cews.properties gives the connector cews.ca.port=10135. */
    public static final int DEFAULT_EPM_PORT = 10135;

    public static final int DEFAULT_OFFICER_PORT = 10180;
    public static final Path DEFAULT_STATE_DIR = Path.of("lab-state");

    public static final String USAGE =
            """
            usage: java -cp <lab classpath> org.cews.lab.Lab [options]
              --state=DIR          state directory (default ./lab-state): status file, keytabs,
                                   krb5.conf, AIA file, CA keys and database
              --ldap-port=N        embedded directory, plain LDAP (default 10389)
              --kdc-port=N         KDC, TCP and UDP (default 10088)
              --epm-port=N         RPC endpoint mapper (default 10135)
              --icpr-port=N        MS-ICPR endpoint (default 0: chosen by the OS, told by ept_map)
              --officer-port=N     officer HTTP endpoint, also serving the CRLs and OCSP (default 10180)
              --ca-factory=CLASS   the CA engine (default: META-INF/services, then %s)
            Every listener binds 127.0.0.1. Port 0 lets the OS choose; the status file
            <state>/lab-status.properties names every port once the lab runs.
            """
                    .formatted(LabCaFactories.DEFAULT_CA_CLASS);

    public LabConfig {
        for (int port : new int[] {ldapPort, kdcPort, epmPort, icprPort, officerPort}) {
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("port (expected: 0..65535, actual: " + port + ")");
            }
        }
    }

    public static LabConfig defaults(Path stateDir) {
        return new LabConfig(
                stateDir,
                DEFAULT_LDAP_PORT,
                DEFAULT_KDC_PORT,
                DEFAULT_EPM_PORT,
                0,
                DEFAULT_OFFICER_PORT,
                Optional.empty());
    }

    /** Every port chosen by the OS: for tests. */
    public static LabConfig ephemeral(Path stateDir) {
        return new LabConfig(stateDir, 0, 0, 0, 0, 0, Optional.empty());
    }

    /** Parses {@code --name=value} options over the defaults; unknown options are refused. */
    public static LabConfig parse(String... args) {
        LabConfig c = defaults(DEFAULT_STATE_DIR);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("option (expected: --name=value, actual: " + arg + ")");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            c = switch (name) {
                case "state" -> new LabConfig(
                        Path.of(value), c.ldapPort, c.kdcPort, c.epmPort, c.icprPort, c.officerPort, c.caFactory);
                case "ldap-port" -> new LabConfig(
                        c.stateDir, port(name, value), c.kdcPort, c.epmPort, c.icprPort, c.officerPort, c.caFactory);
                case "kdc-port" -> new LabConfig(
                        c.stateDir, c.ldapPort, port(name, value), c.epmPort, c.icprPort, c.officerPort, c.caFactory);
                case "epm-port" -> new LabConfig(
                        c.stateDir, c.ldapPort, c.kdcPort, port(name, value), c.icprPort, c.officerPort, c.caFactory);
                case "icpr-port" -> new LabConfig(
                        c.stateDir, c.ldapPort, c.kdcPort, c.epmPort, port(name, value), c.officerPort, c.caFactory);
                case "officer-port" -> new LabConfig(
                        c.stateDir, c.ldapPort, c.kdcPort, c.epmPort, c.icprPort, port(name, value), c.caFactory);
                case "ca-factory" -> new LabConfig(
                        c.stateDir, c.ldapPort, c.kdcPort, c.epmPort, c.icprPort, c.officerPort, Optional.of(value));
                default -> throw new IllegalArgumentException("unknown option --" + name);
            };
        }
        return c;
    }

    private static int port(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " (expected: a port number, actual: " + value + ")");
        }
    }
}
