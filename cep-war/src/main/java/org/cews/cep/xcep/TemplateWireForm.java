package org.cews.cep.xcep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.Oid;
import org.cews.policy.model.PrivateKeyFlag;
import org.cews.policy.model.RaApplicationPolicies;
import org.cews.policy.view.OidGroup;

/**
 * What a template's XCEP attributes carry beyond its AD attributes ([MS-XCEP] 3.1.4.1.3.1,
 * 3.1.4.1.3.12, 3.1.4.1.3.15, 3.1.4.1.3.20; what AD CS sends, docs/REAL-CLIENTS.md
 * §6): the extensions a client copies into its request, and, for schema 3 and 4
 * templates, the algorithms of msPKI-RA-Application-Policies as OID references.
 */
final class TemplateWireForm {

    /** One extension: its OID, criticality and DER value. */
    record Extension(Oid oid, boolean critical, byte[] value) {}

    static final Oid TEMPLATE_NAME = new Oid("1.3.6.1.4.1.311.20.2");
    static final Oid TEMPLATE_INFORMATION = new Oid("1.3.6.1.4.1.311.21.7");
    static final Oid APPLICATION_POLICIES = new Oid("1.3.6.1.4.1.311.21.10");
    static final Oid EKU = new Oid("2.5.29.37");
    static final Oid KEY_USAGE = new Oid("2.5.29.15");
    static final Oid CERTIFICATE_POLICIES = new Oid("2.5.29.32");

    private static final Map<String, String> HASHES = Map.of(
            "SHA1", "1.3.14.3.2.26",
            "SHA256", "2.16.840.1.101.3.4.2.1",
            "SHA384", "2.16.840.1.101.3.4.2.2",
            "SHA512", "2.16.840.1.101.3.4.2.3");
    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            "RSA", "1.2.840.113549.1.1.1",
            "ECDSA_P256", "1.2.840.10045.3.1.7",
            "ECDH_P256", "1.2.840.10045.3.1.7",
            "ECDSA_P384", "1.3.132.0.34",
            "ECDH_P384", "1.3.132.0.34",
            "ECDSA_P521", "1.3.132.0.35",
            "ECDH_P521", "1.3.132.0.35");

    private TemplateWireForm() {}

    /**
     * The extensions, in the order AD CS lists them (docs/REAL-CLIENTS.md §6): the template name
     * (schema 1: BMPString of the cn, as AD CS sends "Machine") or the template information
     * (schema 2+: SEQUENCE {OID, major, minor}, [MS-WCCE] 2.2.2.7.7.2), the EKUs, the key usage,
     * the application policies (schema 2+) and the issuance policies.
     */
    static List<Extension> extensions(CertificateTemplate t) {
        List<Extension> extensions = new ArrayList<>();
        if (t.schemaVersion() >= 2 && t.oid().isPresent()) {
            extensions.add(extension(
                    t,
                    TEMPLATE_INFORMATION,
                    Der.sequence(
                            Der.oid(t.oid().get()), Der.integer(t.majorRevision()), Der.integer(t.minorRevision()))));
        } else {
            extensions.add(extension(t, TEMPLATE_NAME, Der.bmpString(t.cn())));
        }
        if (!t.extendedKeyUsages().isEmpty()) {
            extensions.add(extension(
                    t,
                    EKU,
                    Der.sequence(t.extendedKeyUsages().stream().map(Der::oid).toList())));
        }
        t.keyUsage().ifPresent(ku -> extensions.add(extension(t, KEY_USAGE, ku.derExtensionValue())));
        List<Oid> applicationPolicies =
                t.applicationPolicies().isEmpty() ? t.extendedKeyUsages() : t.applicationPolicies();
        if (t.schemaVersion() >= 2 && !applicationPolicies.isEmpty()) {
            extensions.add(extension(t, APPLICATION_POLICIES, policies(applicationPolicies)));
        }
        if (!t.issuancePolicies().isEmpty()) {
            extensions.add(extension(t, CERTIFICATE_POLICIES, policies(t.issuancePolicies())));
        }
        return extensions;
    }

    /** hashAlgorithmOIDReference: schema 3+ with msPKI-Hash-Algorithm, else nil (3.1.4.1.3.1). */
    static OptionalInt hashAlgorithm(CertificateTemplate t, ResponseOids oids) {
        return algorithm(
                t,
                properties(t).flatMap(RaApplicationPolicies.Properties::hashAlgorithm),
                HASHES,
                OidGroup.HASH_ALGORITHM,
                oids);
    }

    /** algorithmOIDReference: schema 3+ with msPKI-Asymmetric-Algorithm, else nil (3.1.4.1.3.20). */
    static OptionalInt keyAlgorithm(CertificateTemplate t, ResponseOids oids) {
        return algorithm(
                t,
                properties(t).flatMap(RaApplicationPolicies.Properties::asymmetricAlgorithm),
                KEY_ALGORITHMS,
                OidGroup.PUBLIC_KEY_ALGORITHM,
                oids);
    }

    /** keyUsageProperty: msPKI-Key-Usage of schema 3+ templates. */
    static OptionalLong keyUsageProperty(CertificateTemplate t) {
        return properties(t).map(RaApplicationPolicies.Properties::keyUsage).orElse(OptionalLong.empty());
    }

    /** permissions: the SDDL of msPKI-Key-Security-Descriptor. */
    static Optional<String> keyPermissions(CertificateTemplate t) {
        return properties(t).flatMap(RaApplicationPolicies.Properties::keySecurityDescriptor);
    }

    /**
     * keyArchivalAttributes (3.1.4.1.3.15): only for a template that requires key archival and
     * names its symmetric algorithm and key length; nil otherwise.
     */
    static Optional<int[]> keyArchival(CertificateTemplate t, ResponseOids oids) {
        if (!t.privateKeyFlags().has(PrivateKeyFlag.CT_FLAG_REQUIRE_PRIVATE_KEY_ARCHIVAL)) {
            return Optional.empty();
        }
        Optional<RaApplicationPolicies.Properties> p = properties(t);
        Optional<String> algorithm = p.flatMap(RaApplicationPolicies.Properties::symmetricAlgorithm);
        OptionalLong length =
                p.map(RaApplicationPolicies.Properties::symmetricKeyLength).orElse(OptionalLong.empty());
        if (algorithm.isEmpty() || length.isEmpty() || length.getAsLong() < 1) {
            return Optional.empty();
        }
        String oid =
                switch (algorithm.get().toUpperCase(Locale.ROOT) + "/" + length.getAsLong()) {
                    case "3DES/168", "3DES/192" -> "1.2.840.113549.3.7";
                    case "AES/128" -> "2.16.840.1.101.3.4.1.2";
                    case "AES/192" -> "2.16.840.1.101.3.4.1.22";
                    case "AES/256" -> "2.16.840.1.101.3.4.1.42";
                    default -> null;
                };
        if (oid == null) {
            return Optional.empty();
        }
        return Optional.of(new int[] {
            oids.reference(new Oid(oid), OidGroup.ENCRYPTION_ALGORITHM), Math.toIntExact(length.getAsLong())
        });
    }

    private static Optional<RaApplicationPolicies.Properties> properties(CertificateTemplate t) {
        return t.schemaVersion() >= 3
                        && t.raRequirements().applicationPolicies() instanceof RaApplicationPolicies.Properties p
                ? Optional.of(p)
                : Optional.empty();
    }

    private static OptionalInt algorithm(
            CertificateTemplate t,
            Optional<String> name,
            Map<String, String> known,
            OidGroup group,
            ResponseOids oids) {
        Optional<String> oid = name.map(n -> known.get(n.toUpperCase(Locale.ROOT)));
        return oid.isPresent() && t.schemaVersion() >= 3
                ? OptionalInt.of(oids.reference(new Oid(oid.get()), group))
                : OptionalInt.empty();
    }

    private static Extension extension(CertificateTemplate t, Oid oid, byte[] value) {
        return new Extension(oid, t.criticalExtensions().contains(oid), value);
    }

    /** CertificatePolicies / Microsoft application policies: SEQUENCE OF SEQUENCE { policyIdentifier }. */
    private static byte[] policies(List<Oid> oids) {
        return Der.sequence(oids.stream().map(o -> Der.sequence(Der.oid(o))).toList());
    }
}
