package org.cews.policy.ldap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cews.policy.model.AttributeDecodeException;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentService;
import org.cews.policy.model.EnterpriseOid;
import org.cews.policy.model.Oid;

/**
 * Everything one read of the Configuration partition found under CN=Public Key Services: the
 * templates, the enterprise CAs, the enterprise OIDs and the forest's base OID, plus the objects
 * that could not be decoded (one bad template must not hide the others; the problems are for the
 * log and for "explain").
 */
public record PolicySnapshot(
        String configurationNamingContext,
        List<CertificateTemplate> templates,
        List<EnrollmentService> enrollmentServices,
        List<EnterpriseOid> enterpriseOids,
        Optional<Oid> forestOid,
        List<AttributeDecodeException> problems,
        Instant readAt) {

    public PolicySnapshot {
        templates = List.copyOf(templates);
        enrollmentServices = List.copyOf(enrollmentServices);
        enterpriseOids = List.copyOf(enterpriseOids);
        problems = List.copyOf(problems);
    }

    public Optional<CertificateTemplate> template(String cn) {
        return templates.stream().filter(t -> t.cn().equalsIgnoreCase(cn)).findFirst();
    }

    public Optional<EnrollmentService> enrollmentService(String cn) {
        return enrollmentServices.stream()
                .filter(s -> s.cn().equalsIgnoreCase(cn))
                .findFirst();
    }

    public Optional<EnterpriseOid> enterpriseOid(Oid oid) {
        return enterpriseOids.stream().filter(o -> o.oid().equals(oid)).findFirst();
    }
}
