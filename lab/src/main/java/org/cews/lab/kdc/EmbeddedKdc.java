package org.cews.lab.kdc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.server.KdcConfigKey;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabRealm;
import org.cews.lab.rpc.ServiceKeytab;
import org.cews.wcce.server.kerberos.ServiceKeys;

/**
 * The lab's KDC (RFC 4120): Apache Kerby's SimpleKdcServer on 127.0.0.1, realm LAB.EXAMPLE, with a
 * principal for every lab account and service of {@link LabAccounts}. Clients reach it over TCP
 * through {@link KdcFront}, which holds every request to the shared bounded DER reader before
 * Kerby's recursive decoder sees it; Kerby itself listens on another loopback port.
 * Keys are AES256 and AES128 with SHA-1 (RFC 3962), derived from the accounts' passwords, so
 * the keytabs it writes ({@code http.keytab} for WildFly's SPNEGO, {@code ca.keytab} for the CA's
 * RPC server) hold the same keys at every start. It also writes {@code krb5.conf} for clients.
 * Kerby has no S4U (docs/TESTBED.md): impersonation needs another KDC.
 */
public final class EmbeddedKdc implements AutoCloseable {

    public static final String KRB5_CONF = "krb5.conf";
    public static final String HTTP_KEYTAB = "http.keytab";
    public static final String CA_KEYTAB = "ca.keytab";
    /** The keytab of svc-ces, the account the CES's connector authenticates to the CA as. */
    public static final String CES_KEYTAB = "ces.keytab";

    public static final String CES_ACCOUNT = "svc-ces";

    private static final System.Logger LOG = System.getLogger(EmbeddedKdc.class.getName());
    private static final String KRB5_CONF_PROPERTY = "java.security.krb5.conf";

    private final SimpleKdcServer kdc;
    private final KdcFront front;
    private final int port;
    private final Path krb5Conf;
    private final Path httpKeytab;
    private final Path caKeytab;

    private EmbeddedKdc(SimpleKdcServer kdc, KdcFront front, int port, Path krb5Conf, Path httpKeytab, Path caKeytab) {
        this.kdc = kdc;
        this.front = front;
        this.port = port;
        this.krb5Conf = krb5Conf;
        this.httpKeytab = httpKeytab;
        this.caKeytab = caKeytab;
    }

    /** Starts on 127.0.0.1:{@code port} (0: a free one) and writes its files into {@code stateDir}. */
    public static EmbeddedKdc start(int port, Path stateDir, LabAccounts accounts) throws KrbException, IOException {
        InetAddress loopback = InetAddress.getByName(LabRealm.LOOPBACK);
        int chosen = port == 0 ? FreePort.tcpAndUdp(loopback) : port;
        int kerbyPort = FreePort.tcpAndUdp(loopback);
        Path work = Files.createDirectories(stateDir.resolve("kdc"));
        SimpleKdcServer kdc = new SimpleKdcServer();
        kdc.setWorkDir(work.toFile());
        kdc.setKdcHost(LabRealm.LOOPBACK);
        kdc.setKdcRealm(LabRealm.REALM);
        kdc.setAllowTcp(true);
        kdc.setKdcTcpPort(kerbyPort);
        kdc.setAllowUdp(false);
        kdc.getKdcConfig().setString(KdcConfigKey.ENCRYPTION_TYPES, Krb5Conf.ENCTYPES);
        // SimpleKdcServer.init() writes its own krb5.conf and points this JVM's property at it.
        String previous = System.getProperty(KRB5_CONF_PROPERTY);
        try {
            kdc.init();
        } finally {
            if (previous == null) {
                System.clearProperty(KRB5_CONF_PROPERTY);
            } else {
                System.setProperty(KRB5_CONF_PROPERTY, previous);
            }
        }
        for (LabAccounts.User user : accounts.users()) {
            kdc.createPrincipal(user.kerberosPrincipal(), user.password());
        }
        for (LabAccounts.Service service : accounts.services()) {
            kdc.createPrincipal(service.kerberosPrincipal(), service.password());
        }
        kdc.start();
        KdcFront front = null;
        try {
            front = KdcFront.start(loopback, chosen, new InetSocketAddress(loopback, kerbyPort));
            Path http = export(kdc, stateDir.resolve(HTTP_KEYTAB), LabRealm.principal(LabRealm.HTTP_SPN));
            Path ca = export(kdc, stateDir.resolve(CA_KEYTAB), LabRealm.principal(LabRealm.CA_SPN));
            export(kdc, stateDir.resolve(CES_KEYTAB), LabRealm.principal(CES_ACCOUNT));
            Path conf = Krb5Conf.write(stateDir.resolve(KRB5_CONF), LabRealm.LOOPBACK, chosen);
            LOG.log(
                    System.Logger.Level.INFO,
                    "LAB0201 KDC for {0} started on {1}:{2,number,#} (TCP, bounded DER front), {3} principals; krb5.conf {4}",
                    LabRealm.REALM,
                    LabRealm.LOOPBACK,
                    chosen,
                    accounts.users().size() + accounts.services().size(),
                    conf);
            return new EmbeddedKdc(kdc, front, chosen, conf, http, ca);
        } catch (KrbException | IOException | RuntimeException e) {
            if (front != null) {
                front.close();
            }
            kdc.stop();
            throw e;
        }
    }

    private static Path export(SimpleKdcServer kdc, Path keytab, String principal) throws KrbException, IOException {
        Files.deleteIfExists(keytab); // Kerby appends to an existing keytab
        kdc.exportPrincipal(principal, keytab.toFile());
        if (keytab.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(keytab, PosixFilePermissions.fromString("rw-------"));
        }
        return keytab;
    }

    public int port() {
        return port;
    }

    public Path krb5Conf() {
        return krb5Conf;
    }

    public Path httpKeytab() {
        return httpKeytab;
    }

    public Path caKeytab() {
        return caKeytab;
    }

    /** The CA service's long-term keys, as the RPC server's Kerberos acceptor needs them, read back from its keytab. */
    public ServiceKeys caServiceKeys() {
        return ServiceKeytab.read(caKeytab, LabRealm.principal(LabRealm.CA_SPN));
    }

    @Override
    public void close() {
        front.close();
        try {
            kdc.stop();
            LOG.log(System.Logger.Level.INFO, "LAB0202 KDC stopped");
        } catch (KrbException e) {
            LOG.log(System.Logger.Level.WARNING, "LAB0203 KDC did not stop cleanly: {0}", e.getMessage());
        }
    }
}
