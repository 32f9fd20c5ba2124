package org.cews.ces.pki;

import java.util.Optional;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.cews.wcce.api.RequestFormat;

/**
 * A certificate request as the DER showed it, whatever ValueType said ([MS-WCCE] 2.2.2.6): a bare
 * PKCS#10, a CMS SignedData around one (id-data; renewals and enroll-on-behalf-of), or CMC
 * (SignedData over PKIData with exactly one PKCS#10). Every form carries its PKCS#10.
 */
public sealed interface CertificateRequest {

    /** The request as received: what goes to the CA. */
    byte[] der();

    PKCS10CertificationRequest csr();

    /** The format the CA is told ([MS-WCCE] 3.2.1.4.3.1.1). */
    RequestFormat format();

    /** The outer SignedData of the CMS and CMC forms. */
    Optional<CMSSignedData> signedData();

    /** [MS-WCCE] 2.2.2.6.1. */
    record Pkcs10(byte[] der, PKCS10CertificationRequest csr) implements CertificateRequest {
        public Pkcs10 {
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }

        @Override
        public RequestFormat format() {
            return RequestFormat.PKCS10;
        }

        @Override
        public Optional<CMSSignedData> signedData() {
            return Optional.empty();
        }
    }

    /** [MS-WCCE] 2.2.2.6.2: SignedData, eContentType id-data, eContent a PKCS#10. */
    record CmsPkcs10(byte[] der, CMSSignedData cms, PKCS10CertificationRequest csr) implements CertificateRequest {
        public CmsPkcs10 {
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }

        @Override
        public RequestFormat format() {
            return RequestFormat.CMS;
        }

        @Override
        public Optional<CMSSignedData> signedData() {
            return Optional.of(cms);
        }
    }

    /**
     * [MS-WCCE] 2.2.2.6.3: SignedData over PKIData (RFC 5272 3.2.1); {@code bodyPartId} is the
     * TaggedCertificationRequest's, which the CA's CMC response refers to.
     */
    record Cmc(byte[] der, CMSSignedData cms, PKCS10CertificationRequest csr, long bodyPartId)
            implements CertificateRequest {
        public Cmc {
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }

        @Override
        public RequestFormat format() {
            return RequestFormat.CMC;
        }

        @Override
        public Optional<CMSSignedData> signedData() {
            return Optional.of(cms);
        }
    }
}
