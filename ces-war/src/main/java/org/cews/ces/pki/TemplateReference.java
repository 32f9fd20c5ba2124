package org.cews.ces.pki;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a request (or an issued certificate) names its certificate template: by the template's OID
 * (extension szOID_CERTIFICATE_TEMPLATE 1.3.6.1.4.1.311.21.7, [MS-WCCE] 2.2.2.7.7.2) or by its cn
 * (extension szOID_ENROLL_CERTTYPE 1.3.6.1.4.1.311.20.2, 2.2.2.7.7.1; the CertificateTemplate
 * request attribute, 2.2.2.7.10; AdditionalContext).
 */
public sealed interface TemplateReference {

    /** Whether this names the template with {@code cn} and {@code oid} (cn compares without case). */
    boolean refersTo(String cn, Optional<String> oid);

    /** By msPKI-Cert-Template-OID, with the versions the request says it was built from. */
    record ByOid(String oid, OptionalLong majorVersion, OptionalLong minorVersion) implements TemplateReference {
        @Override
        public boolean refersTo(String cn, Optional<String> templateOid) {
            return templateOid.map(oid::equals).orElse(false);
        }

        @Override
        public String toString() {
            return oid;
        }
    }

    /** By cn. */
    record ByName(String name) implements TemplateReference {
        @Override
        public boolean refersTo(String cn, Optional<String> templateOid) {
            return name.equalsIgnoreCase(cn);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
