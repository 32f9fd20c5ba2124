package org.cews.lab.ca.request;

import java.util.OptionalLong;
import org.cews.policy.model.Oid;

/**
 * One certificate template identifier found in a request ([MS-WCCE] 3.2.2.6.2.1.4.1 lists four
 * places): a name (the v1 extension, a name-value pair, the CertificateTemplate attribute) or an
 * OID (the v2 extension, or an attribute whose value is an OID). {@code source} says where, for
 * messages.
 */
public sealed interface TemplateId {

    String source();

    /** A template cn. */
    record ByName(String name, String source) implements TemplateId {}

    /** A msPKI-Cert-Template-OID, with the versions the v2 extension carries (absent elsewhere). */
    record ByOid(Oid oid, OptionalLong majorVersion, OptionalLong minorVersion, String source) implements TemplateId {}

    /** A CertificateTemplate attribute value: an OID when it parses as one, a cn otherwise. */
    static TemplateId fromAttribute(String value, String source) {
        return Oid.tryParse(value)
                .<TemplateId>map(o -> new ByOid(o, OptionalLong.empty(), OptionalLong.empty(), source))
                .orElseGet(() -> new ByName(value, source));
    }
}
