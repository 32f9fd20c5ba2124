package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.issued;
import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.cews.lab.ca.LabCaFixture.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.cews.lab.ca.revocation.CaRevocation;
import org.cews.lab.ca.revocation.RevocationReason;
import org.cews.lab.ca.revocation.RevocationStore;
import org.cews.lab.officer.OfficerEndpoint;
import org.cews.lab.officer.OfficerToken;
import org.cews.policy.fixtures.LabForest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation at the lab CA over its HTTP endpoint: issued certificates name the CRL distribution
 * point and the OCSP responder; the officer revokes by request ID and by serial with a reason; the
 * CRL ([RFC 5280] §5) and the OCSP answer ([RFC 6960]) say so, signed by the CA, and a
 * certificate not revoked stays good.
 */
class RevocationTest {

    @TempDir
    static Path state;

    static LabCaFixture lab;
    static EnterpriseLabCa ca;
    static OfficerEndpoint endpoint;
    static OfficerToken token;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        lab = LabCaFixture.start();
        token = OfficerToken.create(state, new SecureRandom());
        endpoint = OfficerEndpoint.bind(0, token);
        String base = endpoint.publicationBase();
        ca = EnterpriseLabCa.open(
                LabCaConfig.builder(LabCaFixture.CA, state)
                        .keyAlgorithm(CaKeyAlgorithm.EC_P256)
                        .clock(CLOCK)
                        .cdpUrls(List.of(base + "CertEnroll/" + LabCaFixture.CA + ".crl"))
                        .ocspUrls(List.of(base + "ocsp/" + LabCaFixture.CA))
                        .crlPeriod(Duration.ofHours(2))
                        .officerSids(Set.of(LabForest.DOMAIN_ADMINS))
                        .build(),
                lab.directory);
        endpoint.serve(ca, CLOCK);
    }

    @AfterAll
    static void stop() {
        endpoint.close();
        lab.close();
    }

    static X509CertificateHolder aliceUser(String key) throws Exception {
        return issued(ca.process(
                submit("", Csr.of(TestKeys.rsa(key, 2048)).template("User").der()), ALICE));
    }

    static HttpResponse<byte[]> post(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(endpoint.publicationBase() + path))
                        .header("Authorization", token.authorization())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static X509CRL crl() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(endpoint.publicationBase() + "CertEnroll/" + LabCaFixture.CA + ".crl"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals(
                "application/pkix-crl", r.headers().firstValue("Content-Type").orElse(""));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(r.body()));
        crl.verify(ca.chain().get(0).getPublicKey());
        return crl;
    }

    static CertificateStatus ocsp(X509CertificateHolder cert, boolean get) throws Exception {
        CertificateID id = new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(ca.chain().get(0).getEncoded()),
                cert.getSerialNumber());
        byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        String url = endpoint.publicationBase() + "ocsp/" + LabCaFixture.CA;
        HttpRequest.Builder b = get
                ? HttpRequest.newBuilder(URI.create(url + "/"
                        + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(request), "UTF-8")))
                : HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/ocsp-request")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request));
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        OCSPResp resp = new OCSPResp(r.body());
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
        assertTrue(basic.isSignatureValid(
                new JcaContentVerifierProviderBuilder().build(ca.chain().get(0))));
        assertNotNull(basic.getResponses()[0].getNextUpdate());
        return basic.getResponses()[0].getCertStatus();
    }

    @Test
    void issuedCertificatesNameTheCrlAndTheOcspResponder() throws Exception {
        X509CertificateHolder cert = aliceUser("alice");
        CRLDistPoint cdp = CRLDistPoint.fromExtensions(cert.getExtensions());
        assertTrue(
                cdp.toString().contains(endpoint.publicationBase() + "CertEnroll/" + LabCaFixture.CA + ".crl"),
                cdp.toString());
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(cert.getExtensions());
        AccessDescription ocsp = aia.getAccessDescriptions()[0];
        assertEquals(AccessDescription.id_ad_ocsp, ocsp.getAccessMethod());
        assertTrue(ocsp.getAccessLocation().toString().contains("ocsp/" + LabCaFixture.CA));
    }

    @Test
    void revokedByRequestIdThenOnTheCrlAndRevokedInOcspTheOtherStaysGood() throws Exception {
        X509CertificateHolder good = aliceUser("alice");
        X509CertificateHolder bad = aliceUser("bob");
        BigInteger before = new BigInteger(1, crl().getExtensionValue(Extension.cRLNumber.getId()));
        int badId = ca.revocation()
                .orElseThrow()
                .bySerial(bad.getSerialNumber())
                .orElseThrow()
                .requestId();
        assertEquals(CertificateStatus.GOOD, ocsp(bad, false));

        HttpResponse<byte[]> revoked = post("requests/" + badId + "/revoke?reason=keyCompromise");
        assertEquals(200, revoked.statusCode(), new String(revoked.body()));
        assertTrue(new String(revoked.body()).contains("\"result\":\"revoked\""), new String(revoked.body()));
        HttpResponse<byte[]> again = post("requests/" + badId + "/revoke");
        assertTrue(new String(again.body()).contains("\"result\":\"already revoked\""));

        X509CRL crl = crl();
        X509CRLEntry entry = crl.getRevokedCertificate(bad.getSerialNumber());
        assertNotNull(entry, crl.toString());
        assertEquals(CRLReason.KEY_COMPROMISE, entry.getRevocationReason());
        assertEquals(CLOCK.instant(), entry.getRevocationDate().toInstant());
        assertEquals(null, crl.getRevokedCertificate(good.getSerialNumber()));
        assertEquals(CLOCK.instant(), crl.getThisUpdate().toInstant());
        assertEquals(
                CLOCK.instant().plus(Duration.ofHours(2)), crl.getNextUpdate().toInstant());
        assertTrue(new BigInteger(1, crl.getExtensionValue(Extension.cRLNumber.getId())).compareTo(before) > 0);

        CertificateStatus status = ocsp(bad, true);
        assertTrue(status instanceof RevokedStatus, String.valueOf(status));
        assertEquals(1, ((RevokedStatus) status).getRevocationReason());
        assertEquals(CertificateStatus.GOOD, ocsp(good, false));
    }

    @Test
    void revokedBySerialAndTheRevocationOutlivesARestart() throws Exception {
        X509CertificateHolder cert = aliceUser("carol");
        String serial = cert.getSerialNumber().toString(16);
        assertEquals(200, post("certificates/" + serial + "/revoke?reason=4").statusCode());
        RevocationStore reopened = RevocationStore.open(state);
        assertEquals(
                RevocationReason.SUPERSEDED,
                reopened.find(cert.getSerialNumber()).orElseThrow().reason());
    }

    @Test
    void theOfficerCommandRevokesByRequestIdAndBySerial() throws Exception {
        X509CertificateHolder first = aliceUser("alice");
        X509CertificateHolder second = aliceUser("bob");
        CaRevocation revocation = ca.revocation().orElseThrow();
        int id = revocation.bySerial(first.getSerialNumber()).orElseThrow().requestId();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        String port = "--port=" + endpoint.port();
        String tokenFile = "--token-file=" + state.resolve(OfficerToken.FILE);
        assertEquals(0, org.cews.lab.Officer.run(new String[] {port, tokenFile, "revoke", "" + id}, print, print));
        assertEquals(
                0,
                org.cews.lab.Officer.run(
                        new String[] {
                            port,
                            tokenFile,
                            "revoke-serial",
                            second.getSerialNumber().toString(16),
                            "5"
                        },
                        print,
                        print));
        assertEquals(
                2,
                org.cews.lab.Officer.run(new String[] {port, tokenFile, "revoke", "" + id, "sometimes"}, print, print));
        assertTrue(
                out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"result\":\"revoked\""),
                out.toString());
        assertEquals(
                RevocationReason.UNSPECIFIED,
                revocation.byRequest(id).orElseThrow().revoked().orElseThrow().reason());
        assertEquals(
                RevocationReason.CESSATION_OF_OPERATION,
                revocation
                        .bySerial(second.getSerialNumber())
                        .orElseThrow()
                        .revoked()
                        .orElseThrow()
                        .reason());
    }

    @Test
    void unknownSerialsAndBadReasonsAreRefusedNothingChanges() throws Exception {
        assertEquals(404, post("certificates/abcdef0123/revoke").statusCode());
        assertEquals(404, post("requests/999999/revoke").statusCode());
        X509CertificateHolder cert = aliceUser("alice");
        int id = ca.revocation()
                .orElseThrow()
                .bySerial(cert.getSerialNumber())
                .orElseThrow()
                .requestId();
        assertEquals(400, post("requests/" + id + "/revoke?reason=7").statusCode());
        assertEquals(400, post("requests/" + id + "/revoke?color=red").statusCode());
        CaRevocation revocation = ca.revocation().orElseThrow();
        assertFalse(revocation.byRequest(id).orElseThrow().revoked().isPresent());
        // Without the officer token: 401, nothing revoked.
        HttpResponse<byte[]> anonymous = HTTP.send(
                HttpRequest.newBuilder(URI.create(endpoint.publicationBase() + "requests/" + id + "/revoke"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(401, anonymous.statusCode());
        assertFalse(revocation.byRequest(id).orElseThrow().revoked().isPresent());
        // Another CA's certificate or a serial never issued: unknown, not good.
        assertTrue(
                ocsp(
                                new X509CertificateHolder(cert.getEncoded()) {
                                    @Override
                                    public BigInteger getSerialNumber() {
                                        return BigInteger.valueOf(42);
                                    }
                                },
                                false)
                        instanceof UnknownStatus);
    }

    @Test
    void malformedOcspRequestsGetMalformedRequest() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(endpoint.publicationBase() + "ocsp/" + LabCaFixture.CA))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x30, 0x03, 1, 2}))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals(1 /* malformedRequest */, new OCSPResp(r.body()).getStatus());
        HttpResponse<byte[]> none = HTTP.send(
                HttpRequest.newBuilder(URI.create(endpoint.publicationBase() + "CertEnroll/Other-CA.crl"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, none.statusCode());
    }
}
