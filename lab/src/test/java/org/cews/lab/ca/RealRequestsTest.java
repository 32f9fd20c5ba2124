package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.issued;
import static org.cews.lab.ca.Calls.refused;
import static org.cews.lab.ca.Calls.submit;
import static org.cews.lab.ca.LabCaFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.request.ParsedRequest;
import org.cews.lab.ca.request.RequestFormat;
import org.cews.lab.ca.request.RequestParser;
import org.cews.lab.ca.request.TemplateId;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.RequestType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests real clients sent (README.md next to the files says where they come from): what the
 * parser finds in each, and what the CA answers.
 */
class RealRequestsTest {

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

    static byte[] resource(String name) throws Exception {
        try (InputStream in = RealRequestsTest.class.getResourceAsStream(name)) {
            byte[] bytes = in.readAllBytes();
            return name.endsWith(".cms")
                    ? Base64.getMimeDecoder().decode(new String(bytes, StandardCharsets.US_ASCII))
                    : bytes;
        }
    }

    @Test
    void windows11CertreqCmcIsCmcSignedByTheRequestKeyAndNamesNoTemplate() throws Exception {
        ParsedRequest r = RequestParser.parse(resource("win11-certreq-cmc-request.der"), RequestType.ANY);
        assertEquals(RequestFormat.CMS_CMC, r.format());
        assertEquals(List.of(), r.templateIds());
        assertEquals(List.of(), r.signers(), "its only SignerInfo is the requested key (SKI form)");
        assertTrue(r.requesterName().isEmpty());
        assertTrue(r.renewalCertificate().isEmpty());
        assertEquals(
                "CN=pop-diag-test.hagland.domain",
                r.pkcs10().request().getSubject().toString());
    }

    @Test
    void windows11CertreqCmcIsNoCertTypeAloneAndIssuedWithATemplateAttribute() throws Exception {
        byte[] der = resource("win11-certreq-cmc-request.der");
        refused(ca.process(submit("", der), ALICE), HResult.CERTSRV_E_NO_CERT_TYPE);
        X509CertificateHolder cert = issued(ca.process(submit("CertificateTemplate:WebServer", der), ALICE));
        assertEquals("CN=pop-diag-test.hagland.domain", cert.getSubject().toString());
    }

    @Test
    void theWstepStandardRequestIsAPkcs10ForUser() throws Exception {
        ParsedRequest r = RequestParser.parse(resource("standard_certificate_client_request.cms"), RequestType.ANY);
        assertEquals(RequestFormat.PKCS10, r.format());
        assertEquals(List.of(new TemplateId.ByName("User", "PKCS#10 template name extension")), r.templateIds());
        issued(ca.process(submit("", resource("standard_certificate_client_request.cms")), ALICE));
    }

    @Test
    void theWstepRenewalIsCmsSignedByTheOldCertificate() throws Exception {
        ParsedRequest r = RequestParser.parse(resource("renewal_client_request.cms"), RequestType.ANY);
        assertEquals(RequestFormat.CMS_PKCS10, r.format());
        assertEquals(List.of(new TemplateId.ByName("User", "PKCS#10 template name extension")), r.templateIds());
        X509CertificateHolder old = r.renewalCertificate().orElseThrow();
        assertEquals(1, r.signers().size());
        assertEquals(old, r.signers().get(0).certificate(), "signed with the key of the certificate it renews");
        assertTrue(
                old.getSubject().toString().contains("CN=abby"),
                old.getSubject().toString());
        assertEquals("OU=Microsoft PKI Team,CN=FB_EntSubCA", old.getIssuer().toString());
    }

    @Test
    void theWstepRenewalIsUntrustedHereBecauseAnotherCaIssuedTheOldCertificate() throws Exception {
        refused(
                ca.process(submit("", resource("renewal_client_request.cms")), ALICE),
                CertSrvErrors.CERT_E_UNTRUSTEDROOT);
    }
}
