package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.refused;
import static org.cews.lab.ca.Calls.retrieve;
import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.HResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile DER in pctbRequest (issue 11 item 5): deeply nested SEQUENCEs, at the top or hidden in an
 * OCTET STRING that Bouncy Castle decodes later (an extension value of the PKCS#10), and a blob
 * larger than any request. Each call runs on a thread with the JVM's default 1 MiB stack, like a
 * lab connection thread, and must end in an answer: an ASN.1 error disposition on a request row
 * the client can retrieve, never an Error that kills the thread after the ID was allocated.
 */
class HostileDerTest {

    static final HResult ASN1_LARGE = new HResult(0x80093104);

    @TempDir
    static Path state;

    static LabCaFixture lab;
    static EnterpriseLabCa ca;

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
        ca = lab.openCa(state);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    /** {@code depth} SEQUENCEs, each inside the one before, with long-form lengths: 4 bytes a level. */
    static byte[] nested(int depth) {
        byte[] inner = new byte[] {0x30, 0x00};
        for (int i = 1; i < depth; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(inner.length + 4);
            out.write(0x30);
            out.write(0x82);
            out.write(inner.length >> 8);
            out.write(inner.length & 0xFF);
            out.writeBytes(inner);
            inner = out.toByteArray();
        }
        return inner;
    }

    /** Runs the CA on a thread with a 1 MiB stack, as the lab's connection threads have. */
    static CertServerRequestResponse onConnectionThread(byte[] der) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        result.set(ca.process(submit("", der), ALICE));
                    } catch (Throwable e) {
                        result.set(e);
                    }
                },
                "lab-icpr-test",
                1 << 20);
        t.start();
        t.join(60_000);
        if (result.get() instanceof Throwable e) {
            throw new AssertionError("the CA threw " + e, e);
        }
        return (CertServerRequestResponse) result.get();
    }

    static void assertFailedRowKept(CertServerRequestResponse r) {
        assertNotEquals(0, r.requestId(), "the allocated ID has its row");
        CertServerRequestResponse again = ca.process(retrieve(r.requestId()), ALICE);
        assertEquals(r.requestId(), again.requestId());
        assertEquals(r.disposition(), again.disposition(), again.dispositionMessage());
    }

    @Test
    void fiveThousandNestedSequencesAreAnAsn1ErrorWithItsRowKept() throws Exception {
        byte[] der = nested(5_000);
        assertTrue(der.length > 19_000 && der.length < 21_000, String.valueOf(der.length));
        CertServerRequestResponse r = onConnectionThread(der);
        refused(r, ASN1_LARGE);
        assertTrue(r.dispositionMessage().startsWith("Error Parsing Request"), r.dispositionMessage());
        assertFailedRowKept(r);
    }

    @Test
    void nestingHiddenInAnExtensionValueIsRefusedToo() throws Exception {
        byte[] der = Csr.of(TestKeys.rsa("alice", 2048))
                .template("User")
                .extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), nested(5_000))
                .der();
        CertServerRequestResponse r = onConnectionThread(der);
        refused(r, ASN1_LARGE);
        assertFailedRowKept(r);
    }

    @Test
    void nestingInsideAnOctetStringInsideAnOctetStringCounts() throws Exception {
        byte[] wrapped = nested(5_000);
        for (int i = 0; i < 3; i++) {
            wrapped = new DERSequence(new DEROctetString(wrapped)).getEncoded();
        }
        refused(onConnectionThread(wrapped), ASN1_LARGE);
    }

    @Test
    void aBlobLargerThanAnyRequestIsRefusedWithoutARequestId() throws Exception {
        byte[] big = new byte[(1 << 20) + 16];
        big[0] = 0x30;
        big[1] = (byte) 0x83;
        big[2] = 0x10;
        big[3] = 0x00;
        big[4] = 0x0C;
        CertServerRequestResponse r = onConnectionThread(big);
        assertEquals(0, r.requestId());
        assertEquals(ASN1_LARGE, r.returnValue());
    }
}
