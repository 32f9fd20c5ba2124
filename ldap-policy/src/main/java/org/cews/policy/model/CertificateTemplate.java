package org.cews.policy.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.cews.policy.FlagWord;
import org.cews.policy.acl.SecurityDescriptor;

/**
 * A pKICertificateTemplate object ([MS-CRTD] 2, class [MS-ADSC] 2.222) with every attribute XCEP
 * or a CA reads. Decoded by {@link TemplateDecoder}; the mapping to XCEP is docs/CA-RPC-AD.md §5.6.
 *
 * @param schemaVersion msPKI-Template-Schema-Version, 1 when absent ([MS-CRTD] 2.16)
 * @param majorRevision revision ([MS-CRTD] 2.6)
 * @param validityPeriod pKIExpirationPeriod ([MS-CRTD] 2.11)
 * @param renewalPeriod pKIOverlapPeriod ([MS-CRTD] 2.15)
 * @param cryptoProviders pKIDefaultCSPs sorted by priority ([MS-CRTD] 2.8)
 * @param securityDescriptor nTSecurityDescriptor decoded; empty when the directory returned none
 * @param rawSecurityDescriptor nTSecurityDescriptor as read, empty array when absent
 */
public record CertificateTemplate(
        String dn,
        String cn,
        String displayName,
        int schemaVersion,
        int majorRevision,
        int minorRevision,
        Optional<Oid> oid,
        Duration validityPeriod,
        Duration renewalPeriod,
        Optional<KeySpec> keySpec,
        int minimalKeySize,
        List<Csp> cryptoProviders,
        Optional<KeyUsage> keyUsage,
        OptionalInt maxIssuingDepth,
        List<Oid> extendedKeyUsages,
        List<Oid> criticalExtensions,
        List<Oid> applicationPolicies,
        List<Oid> issuancePolicies,
        RaRequirements raRequirements,
        List<String> supersededTemplates,
        FlagWord<GeneralFlag> generalFlags,
        FlagWord<EnrollmentFlag> enrollmentFlags,
        FlagWord<PrivateKeyFlag> privateKeyFlags,
        FlagWord<CertificateNameFlag> nameFlags,
        Optional<SecurityDescriptor> securityDescriptor,
        byte[] rawSecurityDescriptor,
        Optional<UUID> objectGuid) {

    public CertificateTemplate {
        cryptoProviders = List.copyOf(cryptoProviders);
        extendedKeyUsages = List.copyOf(extendedKeyUsages);
        criticalExtensions = List.copyOf(criticalExtensions);
        applicationPolicies = List.copyOf(applicationPolicies);
        issuancePolicies = List.copyOf(issuancePolicies);
        supersededTemplates = List.copyOf(supersededTemplates);
        rawSecurityDescriptor = rawSecurityDescriptor == null ? new byte[0] : rawSecurityDescriptor.clone();
    }

    @Override
    public byte[] rawSecurityDescriptor() {
        return rawSecurityDescriptor.clone();
    }

    public boolean isMachineTemplate() {
        return generalFlags.has(GeneralFlag.CT_FLAG_MACHINE_TYPE);
    }

    public boolean pendsAllRequests() {
        return enrollmentFlags.has(EnrollmentFlag.CT_FLAG_PEND_ALL_REQUESTS);
    }

    /** CT_FLAG_AUTO_ENROLLMENT in msPKI-Enrollment-Flag: clients should autoenroll. */
    public boolean requestsAutoEnrollment() {
        return enrollmentFlags.has(EnrollmentFlag.CT_FLAG_AUTO_ENROLLMENT);
    }

    /** CT_FLAG_ALLOW_PREVIOUS_APPROVAL_KEYBASEDRENEWAL_VALIDATE_REENROLLMENT ([MS-CRTD] 2.26). */
    public boolean allowsKeyBasedRenewal() {
        return enrollmentFlags.has(
                EnrollmentFlag.CT_FLAG_ALLOW_PREVIOUS_APPROVAL_KEYBASEDRENEWAL_VALIDATE_REENROLLMENT);
    }

    /** The minimum client version nibble of msPKI-Private-Key-Flag. */
    public int clientVersion() {
        return PrivateKeyFlag.clientVersion(privateKeyFlags);
    }

    /** The minimum CA version nibble of msPKI-Private-Key-Flag. */
    public int serverVersion() {
        return PrivateKeyFlag.serverVersion(privateKeyFlags);
    }

    /** The crypto provider names in priority order, as XCEP lists them. */
    public List<String> cryptoProviderNames() {
        return cryptoProviders.stream().map(Csp::name).toList();
    }
}
