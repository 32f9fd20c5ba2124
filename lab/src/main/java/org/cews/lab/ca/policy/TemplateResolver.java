package org.cews.lab.ca.policy;

import java.util.List;
import java.util.Optional;
import org.cews.lab.ca.request.TemplateId;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentService;
import org.cews.wcce.msicpr.HResult;

/**
 * [MS-WCCE] 3.2.2.6.2.1.4.1 "Verify Configured Certificate Template", 3.2.2.6.2.1.4.7 (the
 * template must be listed in this CA's pKIEnrollmentService certificateTemplates) and
 * 3.2.2.6.2.1.4.2 "Verify Certificate Template Version".
 *
 * <p>Interop: with no identifier at all the spec suggests CERTSRV_E_UNSUPPORTED_CERT_TYPE; AD CS
 * answers CERTSRV_E_NO_CERT_TYPE (0x80094801, "The request contains no certificate template
 * information"), and so does the lab.
 */
public final class TemplateResolver {

    /** Server_Current_Version: the lab CA claims Windows Server 2016 (version nibble 6). */
    public static final int SERVER_VERSION = 6;

    private TemplateResolver() {}

    public static CertificateTemplate resolve(List<TemplateId> ids, PolicySnapshot policy, EnrollmentService service)
            throws PolicyDenied {
        if (ids.isEmpty()) {
            throw new PolicyDenied(
                    HResult.CERTSRV_E_NO_CERT_TYPE, "The request contains no certificate template information.");
        }
        CertificateTemplate found = null;
        for (TemplateId id : ids) {
            CertificateTemplate t = lookup(id, policy)
                    .orElseThrow(() -> new PolicyDenied(
                            HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE,
                            "The requested certificate template is not supported by this CA: " + describe(id)
                                    + " names no template."));
            if (found != null && !found.cn().equalsIgnoreCase(t.cn())) {
                throw new PolicyDenied(
                        HResult.CERTSRV_E_TEMPLATE_CONFLICT,
                        "The request contains conflicting template information: " + found.cn() + " and " + t.cn() + " ("
                                + id.source() + ").");
            }
            found = t;
        }
        if (!service.publishes(found.cn())) {
            throw new PolicyDenied(
                    HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE,
                    "The requested certificate template is not supported by this CA: " + found.cn() + ".");
        }
        checkVersion(found, ids);
        return found;
    }

    /** Maps one identifier: a name to a cn, an OID to a msPKI-Cert-Template-OID. */
    public static Optional<CertificateTemplate> lookup(TemplateId id, PolicySnapshot policy) {
        if (id instanceof TemplateId.ByName n) {
            return policy.template(n.name());
        }
        TemplateId.ByOid o = (TemplateId.ByOid) id;
        return policy.templates().stream()
                .filter(t -> t.oid().filter(o.oid()::equals).isPresent())
                .findFirst();
    }

    private static void checkVersion(CertificateTemplate t, List<TemplateId> ids) throws PolicyDenied {
        if (t.schemaVersion() == 2 || t.schemaVersion() == 3) {
            for (TemplateId id : ids) {
                if (id instanceof TemplateId.ByOid o
                        && (o.majorVersion().orElse(0) > t.majorRevision()
                                || o.minorVersion().orElse(0) > t.minorRevision())) {
                    throw new PolicyDenied(
                            HResult.CERTSRV_E_BAD_TEMPLATE_VERSION,
                            "The request template version " + o.majorVersion().orElse(0) + "."
                                    + o.minorVersion().orElse(0) + " is newer than " + t.cn() + " "
                                    + t.majorRevision() + "." + t.minorRevision() + ".");
                }
            }
        }
        if (t.serverVersion() > SERVER_VERSION) {
            throw new PolicyDenied(
                    HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE,
                    t.cn() + " needs CA version " + t.serverVersion() + "; this CA is " + SERVER_VERSION + ".");
        }
    }

    private static String describe(TemplateId id) {
        return id instanceof TemplateId.ByName n
                ? "\"" + n.name() + "\" (" + id.source() + ")"
                : ((TemplateId.ByOid) id).oid() + " (" + id.source() + ")";
    }
}
