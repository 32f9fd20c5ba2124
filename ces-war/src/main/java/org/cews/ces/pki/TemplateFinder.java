package org.cews.ces.pki;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.cews.ces.CesMessage;
import org.cews.ces.wstep.HResult;

/**
 * Finds the template a request asks for, in this order (docs/WSTEP.md §3): the extension
 * 1.3.6.1.4.1.311.21.7 (template OID; Windows copies it from the policy), the extension
 * 1.3.6.1.4.1.311.20.2 (template name as BMPString, or UTF8String; cepces and certmonger put it
 * there), each also accepted as a top-level CSR attribute; then a CertificateTemplate pair
 * ([MS-WCCE] 2.2.2.7.10) in the CSR's name-value attribute 1.3.6.1.4.1.311.13.2.1, in a CMC
 * request's RegInfo or CMC add-attributes; then the AdditionalContext item CertificateTemplate.
 * Extensions are read from the PKCS#10's extensionRequest and Microsoft's szOID_CERT_EXTENSIONS
 * attributes. A certificate's template is read from the same two extensions.
 */
public final class TemplateFinder {

    static final ASN1ObjectIdentifier CERTIFICATE_TEMPLATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.21.7");
    static final ASN1ObjectIdentifier ENROLL_CERTTYPE = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");
    static final ASN1ObjectIdentifier NAME_VALUE_PAIRS = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.13.2.1");
    static final ASN1ObjectIdentifier CERT_EXTENSIONS = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.14");
    static final ASN1ObjectIdentifier CMC_ADD_ATTRIBUTES = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.10.10.1");

    /** The name of the template pair in request attributes and AdditionalContext. */
    public static final String PAIR_NAME = "CertificateTemplate";

    private final DerPrecheck der;

    public TemplateFinder(DerPrecheck der) {
        this.der = der;
    }

    public Optional<TemplateReference> find(CertificateRequest request, Optional<String> fromContext)
            throws InspectionException {
        try {
            return search(request, fromContext);
        } catch (RuntimeException e) {
            throw new InspectionException(
                    HResult.ERROR_INVALID_DATA, CesMessage.CES0219, "request attributes", e.getMessage());
        }
    }

    private Optional<TemplateReference> search(CertificateRequest request, Optional<String> fromContext)
            throws InspectionException {
        PKCS10CertificationRequest csr = request.csr();
        List<Extension> extensions = extensions(csr);
        Optional<TemplateReference> found = byOid(extensions, csr);
        if (found.isEmpty()) {
            found = byName(extensions, csr);
        }
        if (found.isEmpty()) {
            found = pair(pairs(csr.getAttributes(NAME_VALUE_PAIRS)));
        }
        if (found.isEmpty() && request instanceof CertificateRequest.Cmc cmc) {
            found = pair(cmcPairs(cmc));
        }
        if (found.isEmpty()) {
            found = fromContext.map(String::strip).filter(s -> !s.isEmpty()).map(TemplateReference.ByName::new);
        }
        return found;
    }

    /** The template of an issued certificate (for renewal: the template of the certificate renewed). */
    public Optional<TemplateReference> ofCertificate(X509CertificateHolder certificate) throws InspectionException {
        try {
            return certificateTemplate(certificate);
        } catch (RuntimeException e) {
            throw new InspectionException(
                    HResult.ERROR_INVALID_DATA, CesMessage.CES0219, "certificate extensions", e.getMessage());
        }
    }

    private Optional<TemplateReference> certificateTemplate(X509CertificateHolder certificate)
            throws InspectionException {
        Extensions e = certificate.getExtensions();
        if (e == null) {
            return Optional.empty();
        }
        Extension oid = e.getExtension(CERTIFICATE_TEMPLATE);
        if (oid != null) {
            return Optional.of(templateOid(der.parse(oid.getExtnValue().getOctets())));
        }
        Extension name = e.getExtension(ENROLL_CERTTYPE);
        return name == null
                ? Optional.empty()
                : Optional.of(templateName(der.parse(name.getExtnValue().getOctets())));
    }

    private Optional<TemplateReference> byOid(List<Extension> extensions, PKCS10CertificationRequest csr)
            throws InspectionException {
        for (Extension e : extensions) {
            if (e.getExtnId().equals(CERTIFICATE_TEMPLATE)) {
                return Optional.of(templateOid(der.parse(e.getExtnValue().getOctets())));
            }
        }
        for (Attribute a : csr.getAttributes(CERTIFICATE_TEMPLATE)) {
            for (ASN1Encodable v : a.getAttributeValues()) {
                return Optional.of(templateOid(v.toASN1Primitive()));
            }
        }
        return Optional.empty();
    }

    private Optional<TemplateReference> byName(List<Extension> extensions, PKCS10CertificationRequest csr)
            throws InspectionException {
        for (Extension e : extensions) {
            if (e.getExtnId().equals(ENROLL_CERTTYPE)) {
                return Optional.of(templateName(der.parse(e.getExtnValue().getOctets())));
            }
        }
        for (Attribute a : csr.getAttributes(ENROLL_CERTTYPE)) {
            for (ASN1Encodable v : a.getAttributeValues()) {
                return Optional.of(templateName(v.toASN1Primitive()));
            }
        }
        return Optional.empty();
    }

    /** CertificateTemplateOID ::= SEQUENCE { templateID OID, major INTEGER OPTIONAL, minor INTEGER OPTIONAL }. */
    private static TemplateReference templateOid(ASN1Primitive value) throws InspectionException {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(value);
            String oid = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId();
            return new TemplateReference.ByOid(oid, version(seq, 1), version(seq, 2));
        } catch (RuntimeException e) {
            throw new InspectionException(
                    HResult.ERROR_INVALID_DATA, CesMessage.CES0219, CERTIFICATE_TEMPLATE.getId(), e.getMessage());
        }
    }

    private static OptionalLong version(ASN1Sequence seq, int index) {
        return seq.size() > index
                ? OptionalLong.of(
                        ASN1Integer.getInstance(seq.getObjectAt(index)).longValueExact())
                : OptionalLong.empty();
    }

    /** A BMPString or UTF8String, bare (what Windows and certmonger send) or in a SEQUENCE ([MS-WCCE] 2.2.2.7.7.1). */
    private static TemplateReference templateName(ASN1Primitive value) throws InspectionException {
        ASN1Primitive v = value instanceof ASN1Sequence seq && seq.size() == 1
                ? seq.getObjectAt(0).toASN1Primitive()
                : value;
        if (v instanceof ASN1String s && !s.getString().isBlank()) {
            return new TemplateReference.ByName(s.getString().strip());
        }
        throw new InspectionException(
                HResult.ERROR_INVALID_DATA, CesMessage.CES0219, ENROLL_CERTTYPE.getId(), "not a string");
    }

    private List<Extension> extensions(PKCS10CertificationRequest csr) throws InspectionException {
        List<Extension> all = new ArrayList<>();
        for (ASN1ObjectIdentifier type : List.of(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, CERT_EXTENSIONS)) {
            for (Attribute a : csr.getAttributes(type)) {
                for (ASN1Encodable v : a.getAttributeValues()) {
                    try {
                        Extensions e = Extensions.getInstance(v);
                        for (ASN1ObjectIdentifier oid : e.getExtensionOIDs()) {
                            all.add(e.getExtension(oid));
                        }
                    } catch (RuntimeException ex) {
                        throw new InspectionException(
                                HResult.ERROR_INVALID_DATA, CesMessage.CES0219, type.getId(), ex.getMessage());
                    }
                }
            }
        }
        return all;
    }

    /** EnrollmentNameValuePair ::= SEQUENCE { name BMPString, value BMPString }, one or a SEQUENCE OF them. */
    private static List<String[]> pairs(Attribute[] attributes) {
        List<String[]> pairs = new ArrayList<>();
        for (Attribute a : attributes) {
            for (ASN1Encodable v : a.getAttributeValues()) {
                collectPairs(v.toASN1Primitive(), pairs, 0);
            }
        }
        return pairs;
    }

    private static void collectPairs(ASN1Primitive v, List<String[]> pairs, int depth) {
        if (!(v instanceof ASN1Sequence seq) || depth > 1) {
            return;
        }
        if (seq.size() == 2
                && seq.getObjectAt(0) instanceof ASN1String n
                && seq.getObjectAt(1) instanceof ASN1String s) {
            pairs.add(new String[] {n.getString(), s.getString()});
            return;
        }
        for (ASN1Encodable e : seq) {
            collectPairs(e.toASN1Primitive(), pairs, depth + 1);
        }
    }

    /** RegInfo ([MS-WCCE] 2.2.2.6.3: "Name=Value&..." in UTF-8) and CMC add-attributes holding name-value pairs. */
    private List<String[]> cmcPairs(CertificateRequest.Cmc cmc) throws InspectionException {
        List<String[]> pairs = new ArrayList<>();
        Object content = cmc.cms().getSignedContent().getContent();
        PKIData data = PKIData.getInstance(der.parse((byte[]) content));
        for (TaggedAttribute t : data.getControlSequence()) {
            if (t.getAttrType().equals(CMCObjectIdentifiers.id_cmc_regInfo)) {
                for (ASN1Encodable v : t.getAttrValues()) {
                    if (v instanceof ASN1OctetString o) {
                        regInfo(new String(o.getOctets(), StandardCharsets.UTF_8), pairs);
                    }
                }
            } else if (t.getAttrType().equals(CMC_ADD_ATTRIBUTES)) {
                for (ASN1Encodable v : t.getAttrValues()) {
                    addAttributes(v, pairs);
                }
            }
        }
        return pairs;
    }

    /** CMCAddAttributesInfo ::= SEQUENCE { dataReference, certReferences, attributes SET OF Attribute }. */
    private static void addAttributes(ASN1Encodable value, List<String[]> pairs) {
        if (!(value instanceof ASN1Sequence seq) || seq.size() != 3) {
            return;
        }
        for (ASN1Encodable a : ASN1Set.getInstance(seq.getObjectAt(2))) {
            Attribute attribute = Attribute.getInstance(a);
            if (attribute.getAttrType().equals(NAME_VALUE_PAIRS)) {
                pairs.addAll(pairs(new Attribute[] {attribute}));
            }
        }
    }

    private static void regInfo(String text, List<String[]> pairs) {
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    pairs.add(new String[] {
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)
                    });
                } catch (IllegalArgumentException e) {
                    pairs.add(new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
                }
            }
        }
    }

    private static Optional<TemplateReference> pair(List<String[]> pairs) {
        return pairs.stream()
                .filter(p -> PAIR_NAME.equalsIgnoreCase(p[0].strip()) && !p[1].isBlank())
                .map(p -> (TemplateReference) new TemplateReference.ByName(p[1].strip()))
                .findFirst();
    }
}
