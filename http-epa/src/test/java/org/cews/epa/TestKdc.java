package org.cews.epa;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.server.KdcConfigKey;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.ietf.jgss.ChannelBinding;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * A real KDC (Apache Kerby) for the unit tests, realm TEST.EXAMPLE with alice and
 * HTTP/localhost: JDK initiators make tokens for HTTP@localhost, a JDK acceptor logs in with the
 * service keytab, and {@link #bindings} opens a token's authenticator with the service key to read
 * the Bnd field the initiator put into the checksum (RFC 4121 §4.1.1). Shared as a test-jar: the
 * client's Negotiate tests use it too.
 */
public final class TestKdc implements AutoCloseable {

    public static final String REALM = "TEST.EXAMPLE";
    public static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    public static final Oid SPNEGO = oid("1.3.6.1.5.5.2");

    private final SimpleKdcServer kdc;
    private final Subject alice;
    private final Subject service;

    private TestKdc(SimpleKdcServer kdc, Subject alice, Subject service) {
        this.kdc = kdc;
        this.alice = alice;
        this.service = service;
    }

    public static TestKdc start(Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SimpleKdcServer kdc = new SimpleKdcServer();
        kdc.setWorkDir(Files.createDirectories(dir.resolve("kdc")).toFile());
        kdc.setKdcHost("127.0.0.1");
        kdc.setKdcRealm(REALM);
        kdc.setAllowTcp(true);
        kdc.setAllowUdp(false);
        kdc.setKdcTcpPort(port);
        kdc.getKdcConfig().setString(KdcConfigKey.ENCRYPTION_TYPES, "aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96");
        kdc.init();
        kdc.createPrincipal("alice@" + REALM, "Alice-Pw-1");
        kdc.createPrincipal("HTTP/localhost@" + REALM, "Http-Key-1");
        kdc.start();
        kdc.exportPrincipal("alice@" + REALM, dir.resolve("alice.keytab").toFile());
        kdc.exportPrincipal(
                "HTTP/localhost@" + REALM, dir.resolve("http.keytab").toFile());
        Files.writeString(
                dir.resolve("krb5.conf"),
                "[libdefaults]\n default_realm = " + REALM
                        + "\n udp_preference_limit = 1\n dns_lookup_kdc = false\n dns_lookup_realm = false\n"
                        + " default_tkt_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96\n"
                        + " default_tgs_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96\n"
                        + "[realms]\n " + REALM + " = {\n  kdc = 127.0.0.1:" + port + "\n }\n");
        System.setProperty("java.security.krb5.conf", dir.resolve("krb5.conf").toString());
        // One token is fed to several acceptors in some tests; the replay cache would refuse it.
        System.setProperty("sun.security.krb5.rcache", "none");
        Subject alice = login("alice@" + REALM, dir.resolve("alice.keytab"), true);
        Subject service = login("HTTP/localhost@" + REALM, dir.resolve("http.keytab"), false);
        return new TestKdc(kdc, alice, service);
    }

    private static Subject login(String principal, Path keytab, boolean initiator) throws Exception {
        Map<String, String> options = Map.of(
                "useKeyTab", "true",
                "keyTab", keytab.toString(),
                "principal", principal,
                "storeKey", "true",
                "isInitiator", String.valueOf(initiator),
                "doNotPrompt", "true",
                "refreshKrb5Config", "true");
        Configuration jaas = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(
                            "com.sun.security.auth.module.Krb5LoginModule",
                            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                            options)
                };
            }
        };
        LoginContext login = new LoginContext("epa-test", new Subject(), callbacks -> {}, jaas);
        login.login();
        return login.getSubject();
    }

    /** alice's first token for HTTP@localhost in {@code mechanism}, with {@code binding} if given. */
    public byte[] token(Oid mechanism, Optional<ChannelBinding> binding) throws Exception {
        return Subject.doAs(alice, (PrivilegedExceptionAction<byte[]>) () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSName name = manager.createName("HTTP@localhost", GSSName.NT_HOSTBASED_SERVICE);
            GSSContext context = manager.createContext(name, mechanism, null, GSSContext.DEFAULT_LIFETIME);
            context.requestMutualAuth(true);
            if (binding.isPresent()) {
                context.setChannelBinding(binding.get());
            }
            return context.initSecContext(new byte[0], 0, 0);
        });
    }

    /** The service's acceptor credential for Kerberos and SPNEGO tokens alike. */
    public GSSCredential acceptorCredential() throws Exception {
        return Subject.doAs(service, (PrivilegedExceptionAction<GSSCredential>) () -> GSSManager.getInstance()
                .createCredential(
                        null, GSSCredential.INDEFINITE_LIFETIME, new Oid[] {KRB5, SPNEGO}, GSSCredential.ACCEPT_ONLY));
    }

    public Subject service() {
        return service;
    }

    /**
     * The Bnd field (16 bytes) of a bare Kerberos token: RFC 1964 §1.1 framing ([APPLICATION 0],
     * the mechanism OID, TOK_ID 01 00), the AP-REQ's ticket opened with the service key (key usage
     * 2), its authenticator with the session key (key usage 11), and RFC 4121 §4.1.1's checksum:
     * Lgth (4 bytes, 16), then Bnd.
     */
    public byte[] bindings(byte[] krb5Token) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(krb5Token);
        expect(in.get() == 0x60, "[APPLICATION 0]");
        skipLength(in);
        expect(in.get() == 0x06, "the mechanism OID");
        int oidLength = in.get() & 0xff;
        in.position(in.position() + oidLength);
        expect(in.get() == 0x01 && in.get() == 0x00, "TOK_ID 01 00 (KRB_AP_REQ)");
        ApReq apReq = KrbCodec.decode(in.slice(), ApReq.class);
        EncryptionKey serviceKey = kdc.getKadmin()
                .getPrincipal("HTTP/localhost@" + REALM)
                .getKey(apReq.getTicket().getEncryptedEncPart().getEType());
        EncTicketPart ticket = KrbCodec.decode(
                EncryptionHandler.decrypt(apReq.getTicket().getEncryptedEncPart(), serviceKey, KeyUsage.KDC_REP_TICKET),
                EncTicketPart.class);
        Authenticator authenticator = KrbCodec.decode(
                EncryptionHandler.decrypt(apReq.getEncryptedAuthenticator(), ticket.getKey(), KeyUsage.AP_REQ_AUTH),
                Authenticator.class);
        byte[] checksum = authenticator.getCksum().getChecksum();
        // Kerby does not name the GSS checksum type 0x8003; its Lgth field says what it is.
        expect(
                checksum.length >= 24 && checksum[0] == 16 && checksum[1] == 0 && checksum[2] == 0 && checksum[3] == 0,
                "an RFC 4121 checksum with Lgth 16");
        return java.util.Arrays.copyOfRange(checksum, 4, 20);
    }

    private static void skipLength(ByteBuffer in) {
        int first = in.get() & 0xff;
        if (first > 0x80) {
            in.position(in.position() + (first & 0x7f));
        }
    }

    private static void expect(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("not a Kerberos token: expected " + what);
        }
    }

    @Override
    public void close() throws Exception {
        kdc.stop();
    }

    private static Oid oid(String value) {
        try {
            return new Oid(value);
        } catch (org.ietf.jgss.GSSException e) {
            throw new IllegalArgumentException(value, e);
        }
    }
}
