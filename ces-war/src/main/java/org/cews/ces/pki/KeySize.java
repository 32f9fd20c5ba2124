package org.cews.ces.pki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.cews.ces.CesMessage;
import org.cews.ces.wstep.HResult;

/**
 * The size of a requested key as msPKI-Minimal-Key-Size counts it ([MS-CRTD] 2.13): the RSA
 * modulus in bits, or the field size of a named EC curve. The CA refuses a shorter key with
 * CERTSRV_E_KEY_LENGTH; the CES refuses it first.
 */
public final class KeySize {

    private KeySize() {}

    /** Bits of {@code key}; its inner DER (the BIT STRING's content) goes through {@code der} first. */
    public static int bits(SubjectPublicKeyInfo key, DerPrecheck der) throws InspectionException {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
                return RSAPublicKey.getInstance(der.parse(key.getPublicKeyData().getBytes()))
                        .getModulus()
                        .bitLength();
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)
                    && key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
                X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
                if (parameters != null) {
                    return parameters.getCurve().getFieldSize();
                }
            }
        } catch (RuntimeException e) {
            throw new InspectionException(HResult.E_INVALIDARG, CesMessage.CES0210, algorithm.getId());
        }
        throw new InspectionException(HResult.E_INVALIDARG, CesMessage.CES0210, algorithm.getId());
    }

    /** Refuses a key of {@code bits} shorter than {@code minimum} bits (0: no minimum). */
    public static void requireAtLeast(int bits, int minimum, String template) throws InspectionException {
        if (bits < minimum) {
            throw new InspectionException(HResult.CERTSRV_E_KEY_LENGTH, CesMessage.CES0209, bits, template, minimum);
        }
    }
}
