package org.cews.lab.ca.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A decoded, signature-checked request ([MS-WCCE] 3.2.1.4.2.1.4): its format, the PKCS#10 inside,
 * the certificate signers of the envelope and the attributes the envelope carries (the
 * authenticated name-value pairs of the SignerInfos for CMS, the RegInfo and name-value control
 * attributes for CMC).
 */
public record ParsedRequest(
        RequestFormat format, Pkcs10Request pkcs10, List<CmsSigner> signers, RequestAttributes envelopePairs) {

    /** The reserved name of [MS-WCCE] 2.2.2.7.10, as {@link RequestAttributes} compares names. */
    public static final String REQUESTER_NAME = "requestername";

    public ParsedRequest {
        signers = List.copyOf(signers);
    }

    /** Every template identifier in the request blob (the CertificateTemplate call attribute is the caller's to add). */
    public List<TemplateId> templateIds() throws RequestRejected {
        List<TemplateId> ids = new ArrayList<>(pkcs10.templateIds());
        for (String v : envelopePairs.all("CertificateTemplate")) {
            ids.add(TemplateId.fromAttribute(v, format == RequestFormat.CMS_CMC ? "CMC attributes" : "CMS attributes"));
        }
        return ids;
    }

    /**
     * The requestername pair of an enroll-on-behalf-of request ([MS-WCCE] 3.2.2.6.2.1.2.1): only
     * from the envelope, never from the PKCS#10 or the call attributes (2.2.2.7.10); the reader
     * has made sure the envelope names at most one requester and only where an agent signed.
     */
    public Optional<String> requesterName() {
        return envelopePairs.first(REQUESTER_NAME).filter(s -> !s.isBlank());
    }

    /**
     * A renewal: CMS or CMC whose PKCS#10 carries szOID_RENEWAL_CERTIFICATE ([MS-WCCE]
     * 3.2.1.4.2.1.4: a bare PKCS#10 is always a new request).
     */
    public Optional<X509CertificateHolder> renewalCertificate() {
        return format == RequestFormat.PKCS10 ? Optional.empty() : pkcs10.renewalCertificate();
    }
}
