package org.cews.ces.pki;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x509.Extension;
import org.cews.ces.Fixtures;
import org.cews.ces.TestPki;
import org.cews.ces.wstep.HResult;
import org.cews.wcce.api.RequestFormat;
import org.junit.jupiter.api.Test;

/** Sniffing, proof of possession, template and key size, on real requests and generated ones. */
class RequestInspectionTest {

    private final DerPrecheck der = new DerPrecheck();
    private final RequestSniffer sniffer = new RequestSniffer(der);
    private final TemplateFinder templates = new TemplateFinder(der);

    private static final KeyPair KEY = TestPki.rsa(0);
    private static final KeyPair OTHER = TestPki.rsa(1);

    @Test
    void windows11CmcRequestParsesAndItsProofOfPossessionVerifies() throws Exception {
        CertificateRequest r = sniffer.sniff(Fixtures.bytes("win11-certreq-cmc-request.der"));
        CertificateRequest.Cmc cmc = assertInstanceOf(CertificateRequest.Cmc.class, r);
        assertEquals(1, cmc.bodyPartId());
        assertEquals(RequestFormat.CMC, r.format());
        assertDoesNotThrow(() -> ProofOfPossession.verify(r));
        assertTrue(ProofOfPossession.signedBy(cmc.cms(), ProofOfPossession.publicKey(r.csr())));
        assertEquals(2048, KeySize.bits(r.csr().getSubjectPublicKeyInfo(), der));
        // certreq -new without a template: nothing names one (docs/WSTEP.md §3)
        assertEquals(Optional.empty(), templates.find(r, Optional.empty()));
        assertEquals(RenewalVerifier.renewalCertificate(r), Optional.empty());
    }

    @Test
    void specificationExampleIsARawPkcs10BehindValueTypePkcs7() throws Exception {
        CertificateRequest r = sniffer.sniff(Fixtures.base64("standard_certificate_client_request.cms"));
        assertInstanceOf(CertificateRequest.Pkcs10.class, r);
        assertDoesNotThrow(() -> ProofOfPossession.verify(r));
        assertEquals(Optional.of(new TemplateReference.ByName("User")), templates.find(r, Optional.empty()));
    }

    @Test
    void specificationRenewalIsCmsAroundAPkcs10WithTheRenewalAttribute() throws Exception {
        CertificateRequest r = sniffer.sniff(Fixtures.base64("renewal_client_request.cms"));
        assertInstanceOf(CertificateRequest.CmsPkcs10.class, r);
        assertEquals(RequestFormat.CMS, r.format());
        assertDoesNotThrow(() -> ProofOfPossession.verify(r));
        assertTrue(RenewalVerifier.renewalCertificate(r).isPresent());
    }

    @Test
    void pkcs10SignedByAnotherKeyFailsProofOfPossession() throws Exception {
        CertificationRequest forged = TestPki.csr(KEY, OTHER, List.of());
        CertificateRequest r = sniffer.sniff(forged.getEncoded("DER"));
        InspectionException e = assertThrows(InspectionException.class, () -> ProofOfPossession.verify(r));
        assertEquals(HResult.NTE_BAD_SIGNATURE, e.hresult());
        assertTrue(e.getMessage().startsWith("CES0205 "));
    }

    @Test
    void bareNullSignatureIsNoProofOfPossession() throws Exception {
        CertificationRequest nullSigned = TestPki.nullSigned(TestPki.csr(KEY, KEY, List.of()));
        CertificateRequest r = sniffer.sniff(nullSigned.getEncoded("DER"));
        assertThrows(InspectionException.class, () -> ProofOfPossession.verify(r));
    }

    @Test
    void cmcWithNullSignatureIsProvenByTheOuterSignatureWithTheRequestKey() throws Exception {
        CertificationRequest nullSigned = TestPki.nullSigned(TestPki.csr(KEY, KEY, List.of()));
        CertificateRequest r = sniffer.sniff(TestPki.cmc(List.of(KEY), List.of(), nullSigned));
        assertDoesNotThrow(() -> ProofOfPossession.verify(r));
        CertificateRequest cms = sniffer.sniff(TestPki.cms(nullSigned, List.of(KEY), List.of()));
        assertDoesNotThrow(() -> ProofOfPossession.verify(cms));
    }

    @Test
    void cmcWithNullSignatureSignedByAnotherKeyFails() throws Exception {
        CertificationRequest nullSigned = TestPki.nullSigned(TestPki.csr(KEY, KEY, List.of()));
        CertificateRequest r = sniffer.sniff(TestPki.cmc(List.of(OTHER), List.of(), nullSigned));
        InspectionException e = assertThrows(InspectionException.class, () -> ProofOfPossession.verify(r));
        assertTrue(e.getMessage().startsWith("CES0206 "), e.getMessage());
    }

    @Test
    void cmcWithoutSignerIsRefused() throws Exception {
        CertificationRequest nullSigned = TestPki.nullSigned(TestPki.csr(KEY, KEY, List.of()));
        CertificateRequest r = sniffer.sniff(TestPki.cmc(List.of(), List.of(), nullSigned));
        assertEquals(
                HResult.CRYPT_E_NO_SIGNER,
                assertThrows(InspectionException.class, () -> ProofOfPossession.verify(r))
                        .hresult());
    }

    @Test
    void cmcWithTwoRequestsIsRefused() throws Exception {
        CertificationRequest one = TestPki.csr(KEY, KEY, List.of());
        byte[] two = TestPki.cmc(List.of(KEY), List.of(), one, one);
        InspectionException e = assertThrows(InspectionException.class, () -> sniffer.sniff(two));
        assertTrue(e.getMessage().startsWith("CES0208 "), e.getMessage());
    }

    @Test
    void templateOidExtensionComesFirst() throws Exception {
        CertificationRequest csr = TestPki.csr(
                KEY,
                KEY,
                List.of(TestPki.templateName("User"), TestPki.templateOid("1.3.6.1.4.1.311.21.8.1.2.3", 100, 4)),
                TestPki.pair("CertificateTemplate", "Other"));
        CertificateRequest r = sniffer.sniff(csr.getEncoded("DER"));
        assertEquals(
                Optional.of(new TemplateReference.ByOid(
                        "1.3.6.1.4.1.311.21.8.1.2.3", OptionalLong.of(100), OptionalLong.of(4))),
                templates.find(r, Optional.of("Context")));
    }

    /** cepces-user and certmonger: the name in 1.3.6.1.4.1.311.20.2 as BMPString. */
    @Test
    void templateNameAsBmpStringThenTheNameValuePairThenAdditionalContext() throws Exception {
        CertificateRequest byName = sniffer.sniff(
                TestPki.csr(KEY, KEY, List.of(TestPki.templateName("Machine"))).getEncoded("DER"));
        assertEquals(Optional.of(new TemplateReference.ByName("Machine")), templates.find(byName, Optional.of("X")));

        CertificateRequest byPair =
                sniffer.sniff(TestPki.csr(KEY, KEY, List.of(), TestPki.pair("CertificateTemplate", "LabUser"))
                        .getEncoded("DER"));
        assertEquals(Optional.of(new TemplateReference.ByName("LabUser")), templates.find(byPair, Optional.of("X")));

        CertificateRequest none = sniffer.sniff(TestPki.csr(KEY, KEY, List.of()).getEncoded("DER"));
        assertEquals(
                Optional.of(new TemplateReference.ByName("FromContext")),
                templates.find(none, Optional.of("FromContext")));
        assertEquals(Optional.empty(), templates.find(none, Optional.empty()));
    }

    @Test
    void templateNameAsUtf8StringOrTopLevelAttribute() throws Exception {
        Extension utf8 = new Extension(TestPki.TEMPLATE_NAME_EXT, false, new DERUTF8String("WebServer").getEncoded());
        CertificateRequest r =
                sniffer.sniff(TestPki.csr(KEY, KEY, List.of(utf8)).getEncoded("DER"));
        assertEquals(Optional.of(new TemplateReference.ByName("WebServer")), templates.find(r, Optional.empty()));

        Attribute attribute =
                new Attribute(TestPki.TEMPLATE_NAME_EXT, new DERSet(new DERSequence(new DERUTF8String("Top"))));
        CertificateRequest top =
                sniffer.sniff(TestPki.csr(KEY, KEY, List.of(), attribute).getEncoded("DER"));
        assertEquals(Optional.of(new TemplateReference.ByName("Top")), templates.find(top, Optional.empty()));
    }

    @Test
    void malformedTemplateExtensionIsAnInspectionError() throws Exception {
        Extension bad = new Extension(TestPki.TEMPLATE_OID_EXT, false, new DERUTF8String("x").getEncoded());
        CertificateRequest r = sniffer.sniff(TestPki.csr(KEY, KEY, List.of(bad)).getEncoded("DER"));
        InspectionException e = assertThrows(InspectionException.class, () -> templates.find(r, Optional.empty()));
        assertTrue(e.getMessage().startsWith("CES0219 "), e.getMessage());
    }

    @Test
    void keySizeOfRsaAndEc() throws Exception {
        CertificateRequest rsa = sniffer.sniff(TestPki.csr(KEY, KEY, List.of()).getEncoded("DER"));
        assertEquals(2048, KeySize.bits(rsa.csr().getSubjectPublicKeyInfo(), der));
        assertDoesNotThrow(
                () -> KeySize.requireAtLeast(KeySize.bits(rsa.csr().getSubjectPublicKeyInfo(), der), 2048, "User"));
        InspectionException e = assertThrows(
                InspectionException.class,
                () -> KeySize.requireAtLeast(KeySize.bits(rsa.csr().getSubjectPublicKeyInfo(), der), 3072, "User"));
        assertEquals(HResult.CERTSRV_E_KEY_LENGTH, e.hresult());

        KeyPair ec = TestPki.ec256();
        CertificateRequest p256 = sniffer.sniff(TestPki.csr(ec, ec, List.of()).getEncoded("DER"));
        assertEquals(256, KeySize.bits(p256.csr().getSubjectPublicKeyInfo(), der));
        assertDoesNotThrow(() -> ProofOfPossession.verify(p256));
    }
}
