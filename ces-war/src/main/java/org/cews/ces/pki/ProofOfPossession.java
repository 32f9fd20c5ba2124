package org.cews.ces.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.cews.ces.CesMessage;
import org.cews.ces.wstep.HResult;

/**
 * Proof that the requester holds the private key of the public key it asks a certificate for
 * ([MS-WCCE] 3.2.1.4.2.1.4.1.1): the PKCS#10's own signature; or, inside CMS and CMC only, a
 * "null signature" (the bare hash of CertificationRequestInfo, [MS-WCCE] 2.2.2.6.5) together with
 * an outer SignerInfo that verifies with the requested public key (Windows 11 certreq signs its CMC
 * that way, the signer named by subject key identifier). Signatures are checked with the JDK's
 * providers.
 */
public final class ProofOfPossession {

    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private static final Map<ASN1ObjectIdentifier, String> KEY_FACTORIES = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            X9ObjectIdentifiers.id_dsa, "DSA");

    private ProofOfPossession() {}

    public static void verify(CertificateRequest request) throws InspectionException {
        PKCS10CertificationRequest csr = request.csr();
        if (selfSigned(csr)) {
            return;
        }
        Optional<CMSSignedData> cms = request.signedData();
        if (cms.isEmpty()) {
            throw new InspectionException(HResult.NTE_BAD_SIGNATURE, CesMessage.CES0205);
        }
        if (cms.get().getSignerInfos().size() == 0) {
            throw new InspectionException(HResult.CRYPT_E_NO_SIGNER, CesMessage.CES0207);
        }
        if (!nullSignature(csr) || !signedBy(cms.get(), publicKey(csr))) {
            throw new InspectionException(HResult.NTE_BAD_SIGNATURE, CesMessage.CES0206);
        }
    }

    /** Whether some SignerInfo of {@code cms} verifies with {@code key}. */
    static boolean signedBy(CMSSignedData cms, PublicKey key) {
        for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
            if (verifies(signer, key)) {
                return true;
            }
        }
        return false;
    }

    static boolean verifies(SignerInformation signer, PublicKey key) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(key));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean selfSigned(PKCS10CertificationRequest csr) {
        try {
            return csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey(csr)));
        } catch (InspectionException | OperatorCreationException | PKCSException | RuntimeException e) {
            return false;
        }
    }

    /** [MS-WCCE] 2.2.2.6.5: signatureAlgorithm a hash, signature that hash of CertificationRequestInfo. */
    static boolean nullSignature(PKCS10CertificationRequest csr) {
        String digest = DIGESTS.get(csr.getSignatureAlgorithm().getAlgorithm());
        if (digest == null) {
            return false;
        }
        try {
            byte[] info = csr.toASN1Structure().getCertificationRequestInfo().getEncoded("DER");
            return MessageDigest.isEqual(MessageDigest.getInstance(digest).digest(info), csr.getSignature());
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    /** The requested key as a JDK key (the JDK's key factory names: RSA, EC, DSA). */
    static PublicKey publicKey(PKCS10CertificationRequest csr) throws InspectionException {
        ASN1ObjectIdentifier algorithm =
                csr.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm();
        String name = KEY_FACTORIES.get(algorithm);
        try {
            if (name == null) {
                throw new NoSuchAlgorithmException(algorithm.getId());
            }
            return KeyFactory.getInstance(name)
                    .generatePublic(
                            new X509EncodedKeySpec(csr.getSubjectPublicKeyInfo().getEncoded("DER")));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new InspectionException(HResult.E_INVALIDARG, CesMessage.CES0210, algorithm.getId());
        }
    }
}
