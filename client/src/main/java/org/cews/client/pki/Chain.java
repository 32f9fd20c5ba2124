package org.cews.client.pki;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;

/**
 * The CA chain of an issued certificate, from the certificates of the CMC full response (or
 * certs-only PKCS#7) the CES sent beside it ([MS-WSTEP] 3.1.4.1.3.4; [MS-WCCE] 2.2.2.8): from the
 * issuer of the certificate up, each the issuer of the one before, as far as the bag reaches.
 */
public final class Chain {
    private Chain() {}

    public static List<X509Certificate> above(X509Certificate leaf, Optional<byte[]> pkcs7) throws ClientException {
        if (pkcs7.isEmpty()) {
            return List.of();
        }
        List<X509Certificate> bag = new ArrayList<>();
        try {
            Collection<X509CertificateHolder> holders =
                    new CMSSignedData(pkcs7.get()).getCertificates().getMatches(null);
            for (X509CertificateHolder h : holders) {
                bag.add(Pem.x509(h.getEncoded()));
            }
        } catch (CMSException | java.io.IOException | RuntimeException e) {
            throw new ClientException(
                    e, ClientMessage.BAD_VALUE, "the #PKCS7 BinarySecurityToken", "the CES", e.getMessage());
        }
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = leaf;
        while (!current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            X509Certificate c = current;
            Optional<X509Certificate> issuer = bag.stream()
                    .filter(b -> b.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                    .filter(b -> !b.equals(c) && !chain.contains(b))
                    .filter(b -> verifies(c, b))
                    .findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            chain.add(issuer.get());
            current = issuer.get();
        }
        return chain;
    }

    private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
