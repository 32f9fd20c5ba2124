package org.cews.lab.ca.policy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.cews.lab.ca.MsOids;
import org.cews.lab.ca.request.TemplateExtensions;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentFlag;
import org.cews.policy.model.GeneralFlag;
import org.cews.policy.model.KeyUsageBit;
import org.cews.policy.model.Oid;

/**
 * The extensions a template puts in the certificate: the template extension (v1 name or v2 OID
 * with versions, [MS-WCCE] 2.2.2.7.7.1-2), key usage (3.2.2.6.2.1.4.4.4), EKU (.4.4.3), basic
 * constraints (.4.4.1, .4.4.5, .4.5.6, .4.6), application policies and certificate policies for v2+
 * (.4.5.5, .4.5.8), S/MIME capabilities and OCSP no-check (.4.5.6), the names and the security
 * extension; criticality from pKICriticalExtensions (.4.4.6).
 *
 * <p>Key usage follows the key (.4.4.4: "use the public key algorithm sent in the request"): an EC
 * key gets no keyEncipherment or dataEncipherment. Issuance policies from the request
 * (CT_FLAG_ISSUANCE_POLICIES_FROM_REQUEST) are not supported: the template's policies are used.
 */
public final class ExtensionRules {

    private static final int ENCIPHERMENT = KeyUsageBit.KEY_ENCIPHERMENT.bit() | KeyUsageBit.DATA_ENCIPHERMENT.bit();
    private static final ASN1ObjectIdentifier OCSP_SIGNING = KeyPurposeId.id_kp_OCSPSigning.toOID();

    private ExtensionRules() {}

    public static List<Extension> build(
            CertificateTemplate t, SubjectNames names, KeyRules.KeyFacts key, Extensions requested) {
        try {
            List<Extension> out = new ArrayList<>();
            out.add(
                    t.schemaVersion() < 2 || t.oid().isEmpty()
                            ? TemplateExtensions.v1(t.cn())
                            : TemplateExtensions.v2(t.oid().get(), t.majorRevision(), t.minorRevision()));
            if (t.keyUsage().isPresent()) {
                out.add(ext(t, Extension.keyUsage, keyUsage(t, key)));
            }
            if (!t.extendedKeyUsages().isEmpty()) {
                KeyPurposeId[] ids = t.extendedKeyUsages().stream()
                        .map(o -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(o.value())))
                        .toArray(KeyPurposeId[]::new);
                out.add(ext(t, Extension.extendedKeyUsage, new ExtendedKeyUsage(ids).getEncoded()));
            }
            if (t.schemaVersion() >= 2 && !t.applicationPolicies().isEmpty()) {
                out.add(ext(t, MsOids.APPLICATION_POLICIES, policies(t.applicationPolicies())));
            }
            if (t.schemaVersion() >= 2 && !t.issuancePolicies().isEmpty()) {
                out.add(ext(t, Extension.certificatePolicies, policies(t.issuancePolicies())));
            }
            basicConstraints(t).ifPresent(out::add);
            if (!names.altNames().isEmpty()) {
                boolean critical = names.subject().getRDNs().length == 0;
                out.add(new Extension(
                        Extension.subjectAlternativeName,
                        critical,
                        new GeneralNames(names.altNames().toArray(GeneralName[]::new)).getEncoded()));
            }
            names.securityExtension().ifPresent(out::add);
            if (t.enrollmentFlags().has(EnrollmentFlag.CT_FLAG_INCLUDE_SYMMETRIC_ALGORITHMS)) {
                out.add(SmimeCapabilities.forRequest(requested));
            }
            if (t.enrollmentFlags().has(EnrollmentFlag.CT_FLAG_ADD_OCSP_NOCHECK)
                    && t.applicationPolicies().contains(new Oid(OCSP_SIGNING.getId()))) {
                out.add(new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE.getEncoded()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed: " + e.getMessage(), e);
        }
    }

    private static byte[] keyUsage(CertificateTemplate t, KeyRules.KeyFacts key) {
        org.cews.policy.model.KeyUsage ku = t.keyUsage().get();
        if (key.algorithm().equals("EC")) {
            ku = new org.cews.policy.model.KeyUsage(
                    org.cews.policy.FlagWord.of(KeyUsageBit.class, ku.bits().value() & ~ENCIPHERMENT), ku.length());
        }
        return ku.derExtensionValue();
    }

    private static byte[] policies(List<Oid> oids) throws IOException {
        PolicyInformation[] infos = oids.stream()
                .map(o -> new PolicyInformation(new ASN1ObjectIdentifier(o.value())))
                .toArray(PolicyInformation[]::new);
        return new CertificatePolicies(infos).getEncoded();
    }

    private static java.util.Optional<Extension> basicConstraints(CertificateTemplate t) throws IOException {
        boolean ca = t.generalFlags().has(GeneralFlag.CT_FLAG_IS_CA)
                || t.generalFlags().has(GeneralFlag.CT_FLAG_IS_CROSS_CA)
                || List.of("subca", "ca", "crossca").contains(t.cn().toLowerCase());
        if (ca) {
            int depth = t.maxIssuingDepth().orElse(-1);
            BasicConstraints bc = depth < 0 ? new BasicConstraints(true) : new BasicConstraints(depth);
            return java.util.Optional.of(ext(t, Extension.basicConstraints, bc.getEncoded()));
        }
        if (t.enrollmentFlags().has(EnrollmentFlag.CT_FLAG_INCLUDE_BASIC_CONSTRAINTS_FOR_EE_CERTS)) {
            return java.util.Optional.of(ext(t, Extension.basicConstraints, new BasicConstraints(false).getEncoded()));
        }
        return java.util.Optional.empty();
    }

    private static Extension ext(CertificateTemplate t, ASN1ObjectIdentifier oid, byte[] value) {
        return new Extension(oid, t.criticalExtensions().contains(new Oid(oid.getId())), value);
    }

    /** S/MIME capabilities (RFC 4262): the request's, or AES-256, AES-128 and 3DES in CBC. */
    static final class SmimeCapabilities {
        private SmimeCapabilities() {}

        static Extension forRequest(Extensions requested) throws IOException {
            Extension fromRequest = requested.getExtension(PKCSObjectIdentifiers.pkcs_9_at_smimeCapabilities);
            if (fromRequest != null) {
                return new Extension(fromRequest.getExtnId(), false, fromRequest.getExtnValue());
            }
            ASN1Encodable[] caps = {
                new DERSequence(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes256_CBC),
                new DERSequence(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_aes128_CBC),
                new DERSequence(PKCSObjectIdentifiers.des_EDE3_CBC)
            };
            return new Extension(
                    PKCSObjectIdentifiers.pkcs_9_at_smimeCapabilities, false, new DERSequence(caps).getEncoded());
        }
    }
}
