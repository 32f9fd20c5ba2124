package org.cews.lab.kdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosKey;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.kerberos.KeyTab;
import javax.security.auth.login.LoginException;
import org.cews.lab.JdkKerberos;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabRealm;
import org.cews.x690.DerSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab KDC against the JDK's own Kerberos: tickets for the lab users, keytabs the JDK accepts with. */
class EmbeddedKdcTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();
    static final String CA = LabRealm.principal(LabRealm.CA_SPN);
    static final String HTTP = LabRealm.principal(LabRealm.HTTP_SPN);

    @TempDir
    static Path state;

    static EmbeddedKdc kdc;

    @BeforeAll
    static void start() throws Exception {
        kdc = EmbeddedKdc.start(0, state, ACCOUNTS);
    }

    @AfterAll
    static void stop() {
        kdc.close();
    }

    @Test
    void writesKeytabsAndKrb5ConfIntoTheStateDirectory() throws Exception {
        assertEquals(state.resolve("http.keytab"), kdc.httpKeytab());
        assertEquals(state.resolve("ca.keytab"), kdc.caKeytab());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kdc.caKeytab())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kdc.httpKeytab())));
        String conf = Files.readString(kdc.krb5Conf());
        assertTrue(conf.contains("kdc = 127.0.0.1:" + kdc.port()), conf);
        for (String line : new String[] {
            "default_realm = LAB.EXAMPLE",
            "dns_lookup_kdc = false",
            "rdns = false",
            "dns_canonicalize_hostname = false",
            "udp_preference_limit = 1",
            "forwardable = true"
        }) {
            assertTrue(conf.contains(line), line);
        }
    }

    @Test
    void keytabsHoldAes256AndAes128KeysOfTheirPrincipalOnly() {
        assertEquals(Set.of(18, 17), keyTypes(kdc.caKeytab(), CA));
        assertEquals(Set.of(18, 17), keyTypes(kdc.httpKeytab(), HTTP));
        assertEquals(Set.of(), keyTypes(kdc.caKeytab(), HTTP));
        assertEquals(2, kdc.caServiceKeys().entries().size());
    }

    @Test
    void aliceGetsATgtAndATicketForTheCaThatItsKeytabAccepts() throws Exception {
        LabAccounts.User alice = ACCOUNTS.requireUser("alice");
        Subject subject = JdkKerberos.login(kdc.krb5Conf(), alice.samAccountName(), alice.password());
        KerberosTicket tgt = JdkKerberos.tgt(subject);
        assertEquals("alice@LAB.EXAMPLE", tgt.getClient().getName());
        assertTrue(tgt.isForwardable(), "krb5.conf asks for forwardable tickets");

        byte[] apReq = JdkKerberos.initiate(subject, CA);
        KerberosTicket ticket = JdkKerberos.serviceTicket(subject, CA);
        assertEquals(18, ticket.getSessionKeyType());

        Subject ca = JdkKerberos.acceptorLogin(kdc.krb5Conf(), CA, kdc.caKeytab());
        assertEquals("alice@LAB.EXAMPLE", JdkKerberos.accept(ca, apReq));
    }

    @Test
    void theHttpServiceKeytabAcceptsATicketForHttpLocalhost() throws Exception {
        LabAccounts.User bob = ACCOUNTS.requireUser("bob");
        Subject subject = JdkKerberos.login(kdc.krb5Conf(), bob.samAccountName(), bob.password());
        byte[] apReq = JdkKerberos.initiate(subject, HTTP);
        Subject http = JdkKerberos.acceptorLogin(kdc.krb5Conf(), HTTP, kdc.httpKeytab());
        assertEquals("bob@LAB.EXAMPLE", JdkKerberos.accept(http, apReq));
    }

    @Test
    void aWrongPasswordGetsNoTicket() {
        assertThrows(LoginException.class, () -> JdkKerberos.login(kdc.krb5Conf(), "carol", "not her password"));
    }

    @Test
    void keysStayTheSameFromOneStartToTheNext(@TempDir Path other) throws Exception {
        try (EmbeddedKdc second = EmbeddedKdc.start(0, other, ACCOUNTS)) {
            assertEquals(keys(kdc.caKeytab(), CA), keys(second.caKeytab(), CA));
        }
    }

    private static Set<Integer> keyTypes(Path keytab, String principal) {
        return Stream.of(KeyTab.getUnboundInstance(keytab.toFile()).getKeys(new KerberosPrincipal(principal)))
                .map(KerberosKey::getKeyType)
                .collect(Collectors.toSet());
    }

    private static Set<String> keys(Path keytab, String principal) {
        return Stream.of(KeyTab.getUnboundInstance(keytab.toFile()).getKeys(new KerberosPrincipal(principal)))
                .map(k -> k.getKeyType() + ":" + java.util.HexFormat.of().formatHex(k.getEncoded()))
                .collect(Collectors.toSet());
    }

    // Hostile DER never reaches Kerby's recursive ASN.1 decoder (KdcFront): the KDC's TCP port
    // closes a connection whose message nests too deep or is too long, at once, and goes on serving
    // everyone else. Without the front, Kerby's handler thread died of a StackOverflowError on 5,000
    // nested SEQUENCEs and left the connection open without an answer (the first test timed out).

    /** Sends one RFC 4120 §7.2.2 TCP record and returns the first octet of the answer, -1 for a close. */
    static int send(int length, byte[] message) throws Exception {
        try (Socket s = new Socket(InetAddress.getByName(LabRealm.LOOPBACK), kdc.port())) {
            s.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(length);
            out.write(message);
            out.flush();
            InputStream in = s.getInputStream();
            return in.read();
        }
    }

    @Test
    void fiveThousandNestedSequencesCloseTheConnectionAndTheKdcServesOn() throws Exception {
        byte[] hostile = DerSamples.tlv(0x6a, DerSamples.definite(4_999)); // an AS-REQ's [APPLICATION 10]
        assertTrue(hostile.length > 19_000, "about 20 KB: " + hostile.length);
        assertEquals(-1, send(hostile.length, hostile), "closed without an answer");
        assertEquals(-1, send(hostile.length, hostile), "again");
        aliceGetsATicket();
    }

    @Test
    void anOversizedLengthClosesTheConnection() throws Exception {
        assertEquals(-1, send(0x7fff_ffff, new byte[0]));
        assertEquals(-1, send(KdcFront.LIMITS.maxLength() + 1, new byte[16]));
        aliceGetsATicket();
    }

    @Test
    void anOrdinaryMalformedRequestStillGetsKerbysAnswer() throws Exception {
        // Well-formed DER that is no Kerberos message: Kerby answers it with a KRB-ERROR (or closes);
        // the front only keeps out what its decoder cannot survive, it does not judge Kerberos.
        byte[] notKerberos = DerSamples.tlv(0x6a, DerSamples.definite(2));
        try (Socket s = new Socket(InetAddress.getByName(LabRealm.LOOPBACK), kdc.port())) {
            s.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(notKerberos.length);
            out.write(notKerberos);
            out.flush();
            new DataInputStream(s.getInputStream()).read();
        }
        aliceGetsATicket();
    }

    static void aliceGetsATicket() throws Exception {
        LabAccounts.User alice = ACCOUNTS.requireUser("alice");
        Subject subject = JdkKerberos.login(kdc.krb5Conf(), alice.samAccountName(), alice.password());
        assertFalse(subject.getPrivateCredentials(KerberosTicket.class).isEmpty(), "alice's TGT");
    }
}
