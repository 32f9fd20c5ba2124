package org.cews.policy.model;

import org.cews.policy.BitFlag;

/**
 * The X.509 KeyUsage bits as pKIKeyUsage ([MS-CRTD] 2.13) stores them: the bit string's bytes,
 * first byte in the low 8 bits of the word (DER bit order, digitalSignature = 0x80), second byte
 * in the next 8.
 */
public enum KeyUsageBit implements BitFlag {
    DIGITAL_SIGNATURE(0x80),
    NON_REPUDIATION(0x40),
    KEY_ENCIPHERMENT(0x20),
    DATA_ENCIPHERMENT(0x10),
    KEY_AGREEMENT(0x08),
    KEY_CERT_SIGN(0x04),
    CRL_SIGN(0x02),
    ENCIPHER_ONLY(0x01),
    DECIPHER_ONLY(0x8000);

    private final int bit;

    KeyUsageBit(int bit) {
        this.bit = bit;
    }

    @Override
    public int bit() {
        return bit;
    }
}
