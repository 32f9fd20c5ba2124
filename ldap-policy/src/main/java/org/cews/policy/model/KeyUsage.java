package org.cews.policy.model;

import org.cews.policy.FlagWord;

/**
 * pKIKeyUsage ([MS-CRTD] 2.13): a 1- or 2-byte octet string holding the KeyUsage bit string's
 * bytes; {@code a0 00} is digitalSignature + keyEncipherment. {@link #derExtensionValue()} gives
 * the extension value XCEP carries ({@code 03 02 05 a0}, MS-XCEP 4.1.1.2).
 */
public record KeyUsage(FlagWord<KeyUsageBit> bits, int length) {

    public static KeyUsage decode(String dn, String attribute, byte[] value) throws AttributeDecodeException {
        if (value.length < 1 || value.length > 2) {
            throw new AttributeDecodeException(dn, attribute, AttributeValues.hex(value), "1 or 2 bytes");
        }
        int word = (value[0] & 0xFF) | (value.length == 2 ? (value[1] & 0xFF) << 8 : 0);
        return new KeyUsage(FlagWord.of(KeyUsageBit.class, word), value.length);
    }

    public byte[] encode() {
        int word = bits.value();
        return length == 1 ? new byte[] {(byte) word} : new byte[] {(byte) word, (byte) (word >>> 8)};
    }

    /** The DER BIT STRING of RFC 5280 4.2.1.3: trailing zero bits dropped, unused-bit count first. */
    public byte[] derExtensionValue() {
        int word = bits.value() & 0x80FF;
        int first = word & 0xFF;
        boolean decipherOnly = (word & 0x8000) != 0;
        if (decipherOnly) {
            return new byte[] {0x03, 0x03, 0x07, (byte) first, (byte) 0x80};
        }
        if (first == 0) {
            return new byte[] {0x03, 0x01, 0x00};
        }
        int unused = Integer.numberOfTrailingZeros(first);
        return new byte[] {0x03, 0x02, (byte) unused, (byte) first};
    }
}
