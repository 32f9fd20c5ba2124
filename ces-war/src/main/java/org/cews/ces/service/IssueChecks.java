package org.cews.ces.service;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cews.ces.CesMessage;
import org.cews.ces.pki.DerPrecheck;
import org.cews.ces.pki.InspectedRequest;
import org.cews.ces.pki.InspectionException;
import org.cews.ces.pki.KeySize;
import org.cews.ces.pki.Renewal;
import org.cews.ces.pki.RenewalVerifier;
import org.cews.ces.pki.RequestInspector;
import org.cews.ces.pki.TemplateReference;
import org.cews.ces.wstep.HResult;
import org.cews.ces.wstep.RstRequest;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentService;
import org.cews.soap.auth.CallerIdentity;
import org.cews.wcce.api.EnrollmentRequest;

/**
 * The checks of an Issue request, in order (docs/WSTEP.md §3, §6): the DER inspection of
 * {@link RequestInspector} (proof of possession, renewal signature, issuer and validity), the
 * endpoint's rules (the key-based-renewal endpoint takes renewals only; only it takes a caller
 * without account), the template (named by the request, else the renewed certificate's), that it
 * exists and this CA publishes it, that a renewal keeps its template, key-based renewal's TLS
 * certificate and template flag, Enroll (skipped for renewals of a template that allows key-based
 * renewal, [MS-CRTD] 2.26), the minimal key size. The request then goes to the CA as received,
 * with the template's name and the allowed AdditionalContext items as request attributes.
 */
public final class IssueChecks {

    /** A request that passed, ready for the connector. */
    public record Checked(EnrollmentRequest request, boolean renewal) {}

    private final CesConfig config;
    private final RequestInspector inspector;

    public IssueChecks(CesConfig config, DerPrecheck der, Clock clock) {
        this.config = config;
        this.inspector = new RequestInspector(der, config.renewalGrace(), clock);
    }

    Checked check(
            EnrollmentCall call,
            RstRequest.Issue issue,
            PolicySnapshot snapshot,
            String caName,
            Consumer<String> templateSeen)
            throws InspectionException, Refusal {
        InspectedRequest r = inspector.inspect(
                issue.token().value(), issue.context("CertificateTemplate"), trustedIssuers(snapshot));
        CallerIdentity caller = call.caller();
        if (call.keyBasedRenewal() && r.renewal().isEmpty()) {
            throw new Refusal(HResult.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE, CesMessage.CES0218);
        }
        if (!call.keyBasedRenewal() && caller.account().isEmpty()) {
            throw new Refusal(HResult.E_ACCESSDENIED, CesMessage.CES0313, caller.name());
        }
        TemplateReference reference =
                r.template().orElseThrow(() -> new Refusal(HResult.CERTSRV_E_NO_CERT_TYPE, CesMessage.CES0301));
        CertificateTemplate template = PolicyGate.template(snapshot, reference);
        templateSeen.accept(template.cn());
        PolicyGate.requirePublished(snapshot, template, caName);
        if (r.renewal().isPresent()) {
            Renewal renewal = r.renewal().get();
            RenewalVerifier.requireSameTemplate(
                    renewal, template.cn(), template.oid().map(o -> o.value()));
            if (call.keyBasedRenewal()) {
                RenewalVerifier.requireKeyBasedRenewal(
                        renewal,
                        caller.certificate().orElseThrow(() -> new Refusal(HResult.E_ACCESSDENIED, CesMessage.CES0216)),
                        template.allowsKeyBasedRenewal(),
                        template.cn());
            }
        }
        if (r.renewal().isEmpty() || !template.allowsKeyBasedRenewal()) {
            PolicyGate.requireEnroll(template, caller);
        }
        KeySize.requireAtLeast(r.keyBits(), template.minimalKeySize(), template.cn());
        return new Checked(
                new EnrollmentRequest(r.format(), r.der(), attributes(template.cn(), issue), true),
                r.renewal().isPresent());
    }

    /**
     * The request attributes ([MS-WCCE] 2.2.2.7.10): CertificateTemplate, then the AdditionalContext
     * items the configuration forwards (never SAN: subject and SANs come from the directory).
     */
    private Map<String, String> attributes(String template, RstRequest request) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("CertificateTemplate", template);
        request.additionalContext().stream()
                .filter(i -> config.forwards(i.name()))
                .filter(i -> i.name().chars().allMatch(c -> c > 0x20 && c != ':' && c < 0x7F))
                .filter(i -> i.value().chars().noneMatch(Character::isISOControl))
                .forEach(i -> attributes.putIfAbsent(i.name(), i.value()));
        return attributes;
    }

    /** A certs-only PKCS#7 with {@code certificate} alone, for a CA that gave no chain. */
    byte[] certsOnly(byte[] certificate) throws Refusal {
        try {
            return RequestInspector.certsOnly(List.of(certificate));
        } catch (InspectionException e) {
            throw Refusal.of(e);
        }
    }

    /** The configured issuers and the enterprise CAs' certificates from the directory. */
    private List<X509Certificate> trustedIssuers(PolicySnapshot snapshot) {
        List<X509Certificate> trusted = new ArrayList<>(config.trustedIssuers());
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (EnrollmentService ca : snapshot.enrollmentServices()) {
                for (byte[] der : ca.caCertificates()) {
                    try {
                        trusted.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                    } catch (CertificateException e) {
                        // a cACertificate value that does not decode vouches for nothing
                    }
                }
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("X.509 is part of every JDK", e);
        }
        return trusted;
    }
}
