package org.cews.lab.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.lab.Lab;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabCaContext;
import org.cews.lab.LabConfig;
import org.cews.lab.Officer;
import org.cews.lab.ca.LabCa;
import org.cews.lab.ca.SideBySideCaFactory;
import org.cews.policy.ldap.AdPolicyReader;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab with two enterprise CAs side by side (SideBySideCaFactory): one MS-ICPR endpoint, found
 * through the endpoint mapper, where {@code pwszAuthority} picks Lab-Issuing-CA (RSA 3072) or
 * Lab-Issuing-CA-EC (ECDSA P-256); both published in the directory and the AIA folder.
 */
class SideBySideCasTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();
    static final String RSA_CA = "Lab-Issuing-CA";
    static final String EC_CA = SideBySideCaFactory.EC_CA;
    static final String USER = "CertificateTemplate:User";

    @TempDir
    static Path state;

    static Lab lab;
    static byte[] csr;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start(LabConfig.ephemeral(state), new SideBySideCaFactory());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=alice"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()))
                .getEncoded();
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.stop();
        }
    }

    static X509Certificate caCertificate(String name) {
        return lab.ca().authorities().stream()
                .filter(ca -> ca.name().equals(name))
                .findFirst()
                .map(ca -> ca.chain().get(0))
                .orElseThrow();
    }

    @Test
    void theAuthorityPicksTheCaBehindTheOneEndpoint() throws Exception {
        assertEquals(
                List.of(RSA_CA, EC_CA),
                lab.ca().authorities().stream().map(LabCa::name).toList());
        String password = ACCOUNTS.requireUser("alice").password();
        try (RpcClientAssociation icpr = LabRpcClient.bind(
                LabRpcClient.icprPort(lab.status().epmPort()), LabRpcClient.ntlm("alice", "LAB", password))) {
            X509Certificate rsaCa = issuedBy(LabRpcClient.submit(icpr, RSA_CA, USER, csr), RSA_CA, "SHA256withRSA");
            assertEquals(
                    3072,
                    assertInstanceOf(RSAPublicKey.class, rsaCa.getPublicKey())
                            .getModulus()
                            .bitLength());
            X509Certificate ecCa = issuedBy(LabRpcClient.submit(icpr, EC_CA, USER, csr), EC_CA, "SHA256withECDSA");
            ECPublicKey ecKey = assertInstanceOf(ECPublicKey.class, ecCa.getPublicKey());
            assertEquals(256, ecKey.getParams().getCurve().getField().getFieldSize());

            CertServerRequestResponse unknown = LabRpcClient.submit(icpr, "Lab-Issuing-CA-X", USER, csr);
            assertEquals(HResult.E_INVALIDARG, unknown.returnValue());
        }
    }

    @Test
    void bothCasArePublishedInTheDirectoryAndTheAiaFolder() throws Exception {
        LabAccounts.User svc = ACCOUNTS.requireUser("svc-cep");
        LabCaContext context = new LabCaContext(
                state, "127.0.0.1", lab.status().ldapPort(), svc.dn(), svc.password(), ACCOUNTS, Clock.systemUTC());
        PolicySnapshot policy =
                new AdPolicyReader(new DirectoryConnector(context.directoryConfig()), Clock.systemUTC()).read();
        for (String name : List.of(RSA_CA, EC_CA)) {
            byte[] der = caCertificate(name).getEncoded();
            assertArrayEquals(
                    der,
                    policy.enrollmentService(name)
                            .orElseThrow()
                            .caCertificates()
                            .get(0),
                    name);
            assertArrayEquals(
                    der, Files.readAllBytes(state.resolve("aia").resolve("ca.lab.example_" + name + ".crt")), name);
        }
        assertEquals(
                policy.enrollmentService(RSA_CA).orElseThrow().certificateTemplates(),
                policy.enrollmentService(EC_CA).orElseThrow().certificateTemplates());
    }

    /**
     * Request IDs are per CA: with one ID pending at both, the officer must name the CA; it lists
     * each request's CA, refuses an unnamed or unknown CA with the CAs named, and acts only where told.
     */
    @Test
    void theOfficerNamesTheCaWhenAnIdIsPendingAtBoth() throws Exception {
        String password = ACCOUNTS.requireUser("alice").password();
        int id;
        try (RpcClientAssociation icpr = LabRpcClient.bind(
                LabRpcClient.icprPort(lab.status().epmPort()), LabRpcClient.ntlm("alice", "LAB", password))) {
            int rsa = pend(icpr, RSA_CA);
            int ec = pend(icpr, EC_CA);
            for (int i = 0; i < 10 && rsa != ec; i++) {
                if (rsa < ec) {
                    rsa = pend(icpr, RSA_CA);
                } else {
                    ec = pend(icpr, EC_CA);
                }
            }
            assertEquals(rsa, ec, "one request ID pending at both CAs");
            id = rsa;
        }
        String port = "--state=" + state; // the status file names the port, the state holds the token
        assertEquals(0, officer(port, "pending"));
        assertTrue(out.contains("{\"ca\":\"" + RSA_CA + "\",\"requestId\":" + id + ","), out);
        assertTrue(out.contains("{\"ca\":\"" + EC_CA + "\",\"requestId\":" + id + ","), out);
        assertEquals(0, officer(port, "--ca=" + EC_CA, "pending"));
        assertFalse(out.contains(RSA_CA + "\""), out);

        assertEquals(1, officer(port, "approve", String.valueOf(id)));
        assertTrue(err.contains("pending at several CAs (" + RSA_CA + ", " + EC_CA + ")"), err);
        assertEquals(1, officer(port, "--ca=Lab-Issuing-CA-X", "deny", String.valueOf(id)));
        assertTrue(err.contains("no CA named Lab-Issuing-CA-X (the CAs: " + RSA_CA + ", " + EC_CA + ")"), err);
        assertThrows(IllegalStateException.class, () -> lab.ca().deny(id, "officer"));
        assertEquals(List.of(RSA_CA, EC_CA), pendingAt(id));

        assertEquals(0, officer(port, "--ca=" + EC_CA, "approve", String.valueOf(id)));
        assertEquals("{\"ca\":\"" + EC_CA + "\",\"requestId\":" + id + ",\"result\":\"approved\"}", out.strip());
        assertEquals(List.of(RSA_CA), pendingAt(id));
        assertEquals(1, officer(port, "--ca=" + EC_CA, "deny", String.valueOf(id)));
        assertTrue(err.contains("request " + id + " is not pending at " + EC_CA), err);
        // now only the RSA CA has it pending: no name needed
        assertEquals(0, officer(port, "deny", String.valueOf(id)));
        assertEquals("{\"ca\":\"" + RSA_CA + "\",\"requestId\":" + id + ",\"result\":\"denied\"}", out.strip());
        assertEquals(List.of(), pendingAt(id));
        assertEquals(1, officer(port, "approve", String.valueOf(id)));
        assertTrue(err.contains("request " + id + " is not pending at any CA"), err);
    }

    static int pend(RpcClientAssociation icpr, String caName) throws Exception {
        CertServerRequestResponse r = LabRpcClient.submit(icpr, caName, "CertificateTemplate:LabPendAll", csr);
        assertEquals(Disposition.UNDER_SUBMISSION, r.disposition(), r.dispositionMessage());
        return r.requestId();
    }

    static List<String> pendingAt(int id) {
        return lab.ca().pending().stream()
                .filter(p -> p.requestId() == id)
                .map(LabCa.PendingRequest::ca)
                .toList();
    }

    String out;
    String err;

    int officer(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int exit = Officer.run(
                args,
                new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return exit;
    }

    /** Asserts that {@code caName} issued the certificate, signing with {@code algorithm}; returns the CA's certificate. */
    static X509Certificate issuedBy(CertServerRequestResponse r, String caName, String algorithm) throws Exception {
        assertEquals(Disposition.ISSUED, r.disposition(), r.dispositionMessage());
        X509Certificate issued = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(r.encodedCert().bytes()));
        X509Certificate ca = caCertificate(caName);
        issued.verify(ca.getPublicKey());
        assertEquals(ca.getSubjectX500Principal(), issued.getIssuerX500Principal());
        assertEquals(algorithm, issued.getSigAlgName());
        return ca;
    }
}
