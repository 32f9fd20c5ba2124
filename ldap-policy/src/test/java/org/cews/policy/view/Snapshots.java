package org.cews.policy.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.AttributeDecodeException;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentService;

/** Copies of a snapshot with one thing changed, for the cases the lab directory does not hold. */
final class Snapshots {

    private Snapshots() {}

    static PolicySnapshot withTemplate(PolicySnapshot s, String cn, UnaryOperator<CertificateTemplate> change) {
        List<CertificateTemplate> templates = s.templates().stream()
                .map(t -> t.cn().equals(cn) ? change.apply(t) : t)
                .toList();
        return new PolicySnapshot(
                s.configurationNamingContext(),
                templates,
                s.enrollmentServices(),
                s.enterpriseOids(),
                s.forestOid(),
                s.problems(),
                s.readAt());
    }

    static PolicySnapshot withCas(PolicySnapshot s, UnaryOperator<EnrollmentService> change) {
        return new PolicySnapshot(
                s.configurationNamingContext(),
                s.templates(),
                s.enrollmentServices().stream().map(change).toList(),
                s.enterpriseOids(),
                s.forestOid(),
                s.problems(),
                s.readAt());
    }

    static PolicySnapshot withProblem(PolicySnapshot s, AttributeDecodeException problem) {
        List<AttributeDecodeException> problems = new ArrayList<>(s.problems());
        problems.add(problem);
        return new PolicySnapshot(
                s.configurationNamingContext(),
                s.templates(),
                s.enrollmentServices(),
                s.enterpriseOids(),
                s.forestOid(),
                problems,
                s.readAt());
    }

    static PolicySnapshot readAt(PolicySnapshot s, Instant readAt) {
        return new PolicySnapshot(
                s.configurationNamingContext(),
                s.templates(),
                s.enrollmentServices(),
                s.enterpriseOids(),
                s.forestOid(),
                s.problems(),
                readAt);
    }

    static CertificateTemplate withoutSecurityDescriptor(CertificateTemplate t) {
        return new CertificateTemplate(
                t.dn(),
                t.cn(),
                t.displayName(),
                t.schemaVersion(),
                t.majorRevision(),
                t.minorRevision(),
                t.oid(),
                t.validityPeriod(),
                t.renewalPeriod(),
                t.keySpec(),
                t.minimalKeySize(),
                t.cryptoProviders(),
                t.keyUsage(),
                t.maxIssuingDepth(),
                t.extendedKeyUsages(),
                t.criticalExtensions(),
                t.applicationPolicies(),
                t.issuancePolicies(),
                t.raRequirements(),
                t.supersededTemplates(),
                t.generalFlags(),
                t.enrollmentFlags(),
                t.privateKeyFlags(),
                t.nameFlags(),
                Optional.empty(),
                new byte[0],
                t.objectGuid());
    }

    static EnrollmentService withoutCertificates(EnrollmentService s) {
        return withCertificates(s, List.of());
    }

    static EnrollmentService withCertificates(EnrollmentService s, List<byte[]> certificates) {
        return new EnrollmentService(
                s.dn(),
                s.cn(),
                s.displayName(),
                s.dnsHostName(),
                certificates,
                s.certificateTemplates(),
                s.enrollmentServers(),
                s.siteName(),
                s.flags(),
                s.securityDescriptor(),
                s.objectGuid());
    }
}
