package org.cews.ces.pki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cews.ces.CesMessage;
import org.cews.ces.wstep.HResult;

/**
 * Everything the CES checks in a request's DER before the CA sees it, in one call: the bounded
 * pre-check, the format, proof of possession, the renewal (when the request is one), the template
 * it names and its key size. The facade the service uses, so that Bouncy Castle stays in this
 * package.
 */
public final class RequestInspector {

    private final DerPrecheck der;
    private final RequestSniffer sniffer;
    private final TemplateFinder templates;
    private final Duration renewalGrace;
    private final Clock clock;

    public RequestInspector(DerPrecheck der, Duration renewalGrace, Clock clock) {
        this.der = der;
        this.sniffer = new RequestSniffer(der);
        this.templates = new TemplateFinder(der);
        this.renewalGrace = renewalGrace;
        this.clock = clock;
    }

    /**
     * @param request the BinarySecurityToken's bytes
     * @param contextTemplate the AdditionalContext item CertificateTemplate, the last place looked
     * @param trustedIssuers the CAs whose certificates may be renewed
     */
    public InspectedRequest inspect(
            byte[] request, Optional<String> contextTemplate, List<X509Certificate> trustedIssuers)
            throws InspectionException {
        CertificateRequest r = sniffer.sniff(request);
        ProofOfPossession.verify(r);
        Optional<Renewal> renewal = Optional.empty();
        if (RenewalVerifier.renewalCertificate(r).isPresent()) {
            renewal = Optional.of(new RenewalVerifier(trustedIssuers, renewalGrace, clock, der).verify(r));
        }
        Optional<TemplateReference> template = templates.find(r, contextTemplate);
        if (template.isEmpty() && renewal.isPresent()) {
            template = renewal.get().template();
        }
        return new InspectedRequest(
                r.format(), request, template, KeySize.bits(r.csr().getSubjectPublicKeyInfo(), der), renewal);
    }

    /** The certs-only PKCS#7 of an issued answer whose CA gave none. */
    public static byte[] certsOnly(List<byte[]> certificates) throws InspectionException {
        try {
            return CertsOnlyPkcs7.of(certificates);
        } catch (IOException e) {
            throw new InspectionException(HResult.E_FAIL, CesMessage.CES0314, e.getMessage());
        }
    }
}
