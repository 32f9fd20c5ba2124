package org.cews.ces.pki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;

/**
 * A certs-only PKCS#7 (SignedData without signers, RFC 5652 5.1; [MS-WCCE] 2.2.2.8 "CMS certificate
 * chain format"): the token an issued answer carries when the CA gave no CMC full response.
 * Windows accepts it there (docs/WSTEP.md §4).
 */
public final class CertsOnlyPkcs7 {

    private CertsOnlyPkcs7() {}

    /** {@code certificates}, DER, issued certificate first. */
    public static byte[] of(List<byte[]> certificates) throws IOException {
        try {
            List<X509CertificateHolder> holders = new ArrayList<>();
            for (byte[] c : certificates) {
                holders.add(new X509CertificateHolder(c));
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new CollectionStore<>(holders));
            return generator.generate(new CMSAbsentContent()).getEncoded("DER");
        } catch (CMSException | RuntimeException e) {
            throw new IOException("a certs-only PKCS#7 cannot be built: " + e.getMessage(), e);
        }
    }
}
