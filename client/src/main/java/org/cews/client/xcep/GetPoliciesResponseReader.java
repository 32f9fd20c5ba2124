package org.cews.client.xcep;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.soap.Namespaces;
import org.cews.client.soap.Xml;
import org.w3c.dom.Element;

/**
 * Reads a GetPoliciesResponse ([MS-XCEP] 3.1.4.1.2.2) into an {@link EnrollmentPolicy}. Lenient
 * on read: nil or missing collections are empty, booleans are {@code true/false/1/0}, base64 may
 * carry whitespace; an element a client cannot do without (a CAURI's uri, a CA's reference id)
 * missing or malformed is a {@link ClientException}.
 */
public final class GetPoliciesResponseReader {
    private static final String NS = Namespaces.XCEP;

    private final String source;

    private GetPoliciesResponseReader(String source) {
        this.source = source;
    }

    /** {@code payload} is the Body's first element; {@code source} names the endpoint in messages. */
    public static EnrollmentPolicy read(Element payload, String source) throws ClientException {
        return new GetPoliciesResponseReader(source).policy(payload);
    }

    private EnrollmentPolicy policy(Element root) throws ClientException {
        if (!"GetPoliciesResponse".equals(root.getLocalName()) || !NS.equals(root.getNamespaceURI())) {
            throw new ClientException(ClientMessage.MISSING_ELEMENT, source, "xcep:GetPoliciesResponse");
        }
        Optional<Element> response = Xml.child(root, NS, "response");
        String policyId = response.flatMap(r -> Xml.text(r, NS, "policyID")).orElse("");
        String friendly =
                response.flatMap(r -> Xml.text(r, NS, "policyFriendlyName")).orElse("");
        OptionalInt next = OptionalInt.empty();
        boolean notChanged = false;
        List<Template> templates = new ArrayList<>();
        if (response.isPresent()) {
            Optional<String> hours = Xml.text(response.get(), NS, "nextUpdateHours");
            if (hours.isPresent()) {
                next = OptionalInt.of(integer(hours.get(), "nextUpdateHours"));
            }
            notChanged = Xml.text(response.get(), NS, "policiesNotChanged")
                    .map(v -> bool(v))
                    .orElse(false);
            for (Element list :
                    Xml.child(response.get(), NS, "policies").stream().toList()) {
                for (Element p : Xml.children(list, NS, "policy")) {
                    templates.add(template(p));
                }
            }
        }
        List<CertificationAuthority> cas = new ArrayList<>();
        for (Element list : Xml.child(root, NS, "cAs").stream().toList()) {
            for (Element ca : Xml.children(list, NS, "cA")) {
                cas.add(ca(ca));
            }
        }
        List<PolicyOid> oids = new ArrayList<>();
        for (Element list : Xml.child(root, NS, "oIDs").stream().toList()) {
            for (Element o : Xml.children(list, NS, "oID")) {
                oids.add(oid(o));
            }
        }
        return new EnrollmentPolicy(policyId, friendly, next, notChanged, templates, cas, oids);
    }

    /** [MS-XCEP] 3.1.4.1.3.7 CertificateEnrollmentPolicy and 3.1.4.1.3.1 Attributes. */
    private Template template(Element p) throws ClientException {
        int oidRef = integer(required(p, "policyOIDReference"), "policyOIDReference");
        List<Integer> caRefs = new ArrayList<>();
        for (Element refs : Xml.child(p, NS, "cAs").stream().toList()) {
            for (Element r : Xml.children(refs, NS, "cAReference")) {
                caRefs.add(integer(r.getTextContent().trim(), "cAReference"));
            }
        }
        Element a = Xml.child(p, NS, "attributes")
                .orElseThrow(() -> new ClientException(ClientMessage.MISSING_ELEMENT, source, "policy/attributes"));
        String cn = required(a, "commonName");
        int schema = Xml.text(a, NS, "policySchema").isPresent()
                ? integer(Xml.text(a, NS, "policySchema").get(), "policySchema")
                : 1;
        Optional<Element> perm = Xml.child(a, NS, "permission");
        boolean enroll =
                perm.flatMap(e -> Xml.text(e, NS, "enroll")).map(v -> bool(v)).orElse(false);
        boolean auto = perm.flatMap(e -> Xml.text(e, NS, "autoEnroll"))
                .map(v -> bool(v))
                .orElse(false);
        Optional<Element> pka = Xml.child(a, NS, "privateKeyAttributes");
        int minKey = optionalInt(pka, "minimalKeyLength").orElse(0);
        OptionalInt algRef = optionalInt(pka, "algorithmOIDReference");
        Optional<Element> rev = Xml.child(a, NS, "revision");
        int major = optionalInt(rev, "majorRevision").orElse(0);
        int minor = optionalInt(rev, "minorRevision").orElse(0);
        Optional<String> validityText =
                Xml.child(a, NS, "certificateValidity").flatMap(v -> Xml.text(v, NS, "validityPeriodSeconds"));
        long validity = validityText.isPresent() ? unsigned(validityText.get(), "validityPeriodSeconds") : 0L;
        Template.Flags flags = new Template.Flags(
                flag(a, "privateKeyFlags"),
                flag(a, "subjectNameFlags"),
                flag(a, "enrollmentFlags"),
                flag(a, "generalFlags"));
        return new Template(cn, oidRef, caRefs, schema, enroll, auto, minKey, algRef, major, minor, validity, flags);
    }

    /** [MS-XCEP] 3.1.4.1.3.2 CA with 3.1.4.1.3.6 CAURICollection. */
    private CertificationAuthority ca(Element ca) throws ClientException {
        List<CaUri> uris = new ArrayList<>();
        for (Element list : Xml.child(ca, NS, "uris").stream().toList()) {
            for (Element u : Xml.children(list, NS, "cAURI")) {
                uris.add(caUri(u));
            }
        }
        Optional<String> certText = Xml.text(ca, NS, "certificate");
        byte[] cert = certText.isPresent() ? base64(certText.get()) : new byte[0];
        boolean permission =
                Xml.text(ca, NS, "enrollPermission").map(v -> bool(v)).orElse(false);
        int id = integer(required(ca, "cAReferenceID"), "cAReferenceID");
        return new CertificationAuthority(id, uris, cert, permission);
    }

    /** [MS-XCEP] 3.1.4.1.3.5 CAURI. */
    private CaUri caUri(Element u) throws ClientException {
        int auth = integer(required(u, "clientAuthentication"), "clientAuthentication");
        String uri = required(u, "uri");
        OptionalInt priority = Xml.text(u, NS, "priority").isPresent()
                ? OptionalInt.of(integer(Xml.text(u, NS, "priority").get(), "priority"))
                : OptionalInt.empty();
        boolean renewalOnly = Xml.text(u, NS, "renewalOnly").map(v -> bool(v)).orElse(false);
        try {
            return new CaUri(auth, new URI(uri), priority, renewalOnly);
        } catch (URISyntaxException e) {
            throw new ClientException(ClientMessage.BAD_VALUE, "cAURI/uri", source, e.getMessage());
        }
    }

    /** [MS-XCEP] 3.1.4.1.3.16 OID. */
    private PolicyOid oid(Element o) throws ClientException {
        return new PolicyOid(
                integer(required(o, "oIDReferenceID"), "oIDReferenceID"),
                required(o, "value"),
                integer(required(o, "group"), "group"),
                Xml.text(o, NS, "defaultName"));
    }

    private String required(Element parent, String local) throws ClientException {
        Optional<String> v = Xml.text(parent, NS, local);
        if (v.isEmpty() || v.get().isEmpty()) {
            throw new ClientException(ClientMessage.MISSING_ELEMENT, source, parent.getLocalName() + "/" + local);
        }
        return v.get();
    }

    private OptionalInt optionalInt(Optional<Element> parent, String local) throws ClientException {
        Optional<String> v = parent.flatMap(e -> Xml.text(e, NS, local));
        return v.isPresent() ? OptionalInt.of(integer(v.get(), local)) : OptionalInt.empty();
    }

    private long flag(Element attributes, String local) throws ClientException {
        Optional<String> v = Xml.text(attributes, NS, local);
        if (v.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(v.get()) & 0xFFFFFFFFL;
        } catch (NumberFormatException e) {
            throw new ClientException(ClientMessage.BAD_VALUE, local, source, v.get());
        }
    }

    private long unsigned(String text, String what) throws ClientException {
        try {
            return Long.parseUnsignedLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ClientException(ClientMessage.BAD_VALUE, what, source, text);
        }
    }

    private int integer(String text, String what) throws ClientException {
        try {
            long v = Long.parseLong(text.trim());
            if (v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) {
                throw new NumberFormatException("out of range");
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new ClientException(ClientMessage.BAD_VALUE, what, source, text);
        }
    }

    private static boolean bool(String v) {
        return "true".equals(v) || "1".equals(v);
    }

    private byte[] base64(String text) throws ClientException {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ClientException(ClientMessage.BAD_VALUE, "cA/certificate", source, e.getMessage());
        }
    }
}
