package org.cews.policy.model;

import static org.cews.policy.model.AttributeValues.intOrDefault;
import static org.cews.policy.model.AttributeValues.oids;
import static org.cews.policy.model.AttributeValues.optionalBytes;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.cews.policy.FlagWord;
import org.cews.policy.acl.AclFormatException;
import org.cews.policy.acl.Guids;
import org.cews.policy.acl.SecurityDescriptor;

/**
 * Decodes a pKICertificateTemplate object ([MS-CRTD] 2.1-2.28). cn and the two periods are
 * required; every other attribute has the default AD implies when absent (schema version 1,
 * revisions and flags 0, no lists).
 */
public final class TemplateDecoder {

    private TemplateDecoder() {}

    public static CertificateTemplate decode(AttributeSource src) throws AttributeDecodeException {
        String dn = src.dn();
        String cn = AttributeValues.requiredString(src, AdAttributes.CN);
        int schemaVersion = intOrDefault(src, AdAttributes.SCHEMA_VERSION, 1);
        OptionalInt keySpec = AttributeValues.optionalInt(src, AdAttributes.DEFAULT_KEY_SPEC);
        Optional<byte[]> keyUsage = optionalBytes(src, AdAttributes.KEY_USAGE);
        byte[] rawSd = optionalBytes(src, AdAttributes.NT_SECURITY_DESCRIPTOR).orElse(new byte[0]);
        return new CertificateTemplate(
                dn,
                cn,
                AttributeValues.optionalString(src, AdAttributes.DISPLAY_NAME).orElse(cn),
                schemaVersion,
                intOrDefault(src, AdAttributes.REVISION, 0),
                intOrDefault(src, AdAttributes.MINOR_REVISION, 0),
                AttributeValues.optionalOid(src, AdAttributes.TEMPLATE_OID),
                period(src, AdAttributes.EXPIRATION_PERIOD),
                period(src, AdAttributes.OVERLAP_PERIOD),
                keySpec.isPresent() ? Optional.of(new KeySpec(keySpec.getAsInt())) : Optional.empty(),
                intOrDefault(src, AdAttributes.MINIMAL_KEY_SIZE, 0),
                Csp.parseAll(dn, AdAttributes.DEFAULT_CSPS, src.strings(AdAttributes.DEFAULT_CSPS)),
                keyUsage.isPresent()
                        ? Optional.of(KeyUsage.decode(dn, AdAttributes.KEY_USAGE, keyUsage.get()))
                        : Optional.empty(),
                AttributeValues.optionalInt(src, AdAttributes.MAX_ISSUING_DEPTH),
                oids(src, AdAttributes.EXTENDED_KEY_USAGE),
                oids(src, AdAttributes.CRITICAL_EXTENSIONS),
                oids(src, AdAttributes.APPLICATION_POLICY),
                oids(src, AdAttributes.CERTIFICATE_POLICY),
                new RaRequirements(
                        intOrDefault(src, AdAttributes.RA_SIGNATURE, 0),
                        oids(src, AdAttributes.RA_POLICIES),
                        RaApplicationPolicies.decode(
                                dn,
                                AdAttributes.RA_APPLICATION_POLICIES,
                                src.strings(AdAttributes.RA_APPLICATION_POLICIES))),
                src.strings(AdAttributes.SUPERSEDE_TEMPLATES),
                FlagWord.of(GeneralFlag.class, intOrDefault(src, AdAttributes.FLAGS, 0)),
                FlagWord.of(EnrollmentFlag.class, intOrDefault(src, AdAttributes.ENROLLMENT_FLAG, 0)),
                FlagWord.of(PrivateKeyFlag.class, intOrDefault(src, AdAttributes.PRIVATE_KEY_FLAG, 0)),
                FlagWord.of(CertificateNameFlag.class, intOrDefault(src, AdAttributes.NAME_FLAG, 0)),
                securityDescriptor(dn, rawSd),
                rawSd,
                objectGuid(src));
    }

    private static Duration period(AttributeSource src, String name) throws AttributeDecodeException {
        byte[] value = optionalBytes(src, name)
                .orElseThrow(() -> new AttributeDecodeException(src.dn(), name, "absent", "an 8-byte interval"));
        return FileTimeInterval.decode(src.dn(), name, value);
    }

    static Optional<SecurityDescriptor> securityDescriptor(String dn, byte[] raw) throws AttributeDecodeException {
        if (raw.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(SecurityDescriptor.decode(raw));
        } catch (AclFormatException e) {
            throw new AttributeDecodeException(
                    dn,
                    AdAttributes.NT_SECURITY_DESCRIPTOR,
                    AttributeValues.hex(raw),
                    "a self-relative SD: " + e.getMessage());
        }
    }

    static Optional<UUID> objectGuid(AttributeSource src) throws AttributeDecodeException {
        Optional<byte[]> raw = optionalBytes(src, AdAttributes.OBJECT_GUID);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Guids.decode(raw.get()));
        } catch (AclFormatException e) {
            throw new AttributeDecodeException(
                    src.dn(), AdAttributes.OBJECT_GUID, AttributeValues.hex(raw.get()), "16 bytes");
        }
    }
}
