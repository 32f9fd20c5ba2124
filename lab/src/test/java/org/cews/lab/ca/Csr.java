package org.cews.lab.ca;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.lab.ca.request.NameValuePairs;
import org.cews.lab.ca.request.TemplateExtensions;
import org.cews.policy.model.Oid;

/** A PKCS#10 as Windows builds one, for the tests: template extensions, name-value pairs, renewal. */
final class Csr {

    private final KeyPair key;
    private X500Name subject = new X500Name(new RDN[0]);
    private final List<Extension> extensions = new ArrayList<>();
    private final Map<String, String> pairs = new LinkedHashMap<>();
    private X509CertificateHolder renewal;

    private Csr(KeyPair key) {
        this.key = key;
    }

    static Csr of(KeyPair key) {
        return new Csr(key);
    }

    Csr subject(String dn) {
        subject = new X500Name(dn);
        return this;
    }

    /** The v1 template name extension. */
    Csr template(String name) throws IOException {
        extensions.add(TemplateExtensions.v1(name));
        return this;
    }

    /** The v2 template information extension. */
    Csr templateOid(String oid, long major, long minor) throws IOException {
        extensions.add(TemplateExtensions.v2(new Oid(oid), major, minor));
        return this;
    }

    Csr dnsName(String dns) throws IOException {
        extensions.add(new Extension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, dns)).getEncoded()));
        return this;
    }

    /** Any extension, its extnValue as given (hostile contents included). */
    Csr extension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, byte[] value) {
        extensions.add(new Extension(oid, false, value));
        return this;
    }

    Csr pair(String name, String value) {
        pairs.put(name, value);
        return this;
    }

    Csr renewal(X509CertificateHolder old) {
        renewal = old;
        return this;
    }

    byte[] der() throws Exception {
        PKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic());
        if (!extensions.isEmpty()) {
            b.addAttribute(
                    PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                    new Extensions(extensions.toArray(Extension[]::new)));
        }
        if (!pairs.isEmpty()) {
            Attribute nvp = NameValuePairs.encode(pairs);
            b.addAttribute(nvp.getAttrType(), nvp.getAttributeValues());
        }
        if (renewal != null) {
            b.addAttribute(MsOids.RENEWAL_CERTIFICATE, renewal.toASN1Structure());
        }
        return b.build(signer(key.getPrivate())).getEncoded();
    }

    static ContentSigner signer(PrivateKey key) throws Exception {
        String alg = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaContentSignerBuilder(alg).setProvider(Bc.PROVIDER).build(key);
    }
}
