package org.cews.policy.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cews.policy.acl.SecurityDescriptor;

/**
 * A pKIEnrollmentService object, one per enterprise CA ([MS-ADSC] 2.223; [MS-WCCE] 2.2.2.11;
 * docs/CA-RPC-AD.md §5.4).
 *
 * @param cn the CA name, unsanitized: the authority for [MS-ICPR] calls
 * @param caCertificates cACertificate values, DER; XCEP takes the newest valid one
 * @param certificateTemplates the cn of every template this CA issues, in directory order
 * @param securityDescriptor the AD-side ACL of the object; the CA's own Enroll permission is not in
 *     LDAP
 */
public record EnrollmentService(
        String dn,
        String cn,
        String displayName,
        Optional<String> dnsHostName,
        List<byte[]> caCertificates,
        List<String> certificateTemplates,
        List<EnrollmentServer> enrollmentServers,
        Optional<String> siteName,
        int flags,
        Optional<SecurityDescriptor> securityDescriptor,
        Optional<UUID> objectGuid) {

    public EnrollmentService {
        caCertificates = caCertificates.stream().map(byte[]::clone).toList();
        certificateTemplates = List.copyOf(certificateTemplates);
        enrollmentServers = List.copyOf(enrollmentServers);
    }

    @Override
    public List<byte[]> caCertificates() {
        return caCertificates.stream().map(byte[]::clone).toList();
    }

    /** True if this CA lists the template (template names compare case-insensitively, as cn does). */
    public boolean publishes(String templateCn) {
        return certificateTemplates.stream().anyMatch(t -> t.equalsIgnoreCase(templateCn));
    }
}
