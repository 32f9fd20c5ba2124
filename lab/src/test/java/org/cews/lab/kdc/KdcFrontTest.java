package org.cews.lab.kdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosTicket;
import org.cews.lab.JdkKerberos;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile DER never reaches Kerby's recursive ASN.1 decoder: the KDC's TCP port closes a
 * connection whose message nests too deep or is too long, at once, and goes on serving everyone
 * else. Without the front, Kerby's handler thread dies of a StackOverflowError on 5,000 nested
 * SEQUENCEs and leaves the connection open without an answer.
 */
class KdcFrontTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();

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

    /** {@code levels} nested SEQUENCEs around an INTEGER 0, as an [APPLICATION 10] AS-REQ would start. */
    static byte[] nested(int levels) {
        byte[] inner = {0x02, 0x01, 0x00};
        for (int i = 0; i < levels; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(i == levels - 1 ? 0x6a : 0x30);
            out.write(0x83);
            out.write(inner.length >> 16);
            out.write(inner.length >> 8);
            out.write(inner.length);
            out.writeBytes(inner);
            inner = out.toByteArray();
        }
        return inner;
    }

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
        byte[] hostile = nested(5_000);
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
        byte[] notKerberos = nested(3);
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
