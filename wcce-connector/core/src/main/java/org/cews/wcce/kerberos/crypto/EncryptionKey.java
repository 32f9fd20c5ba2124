package org.cews.wcce.kerberos.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A key and its encryption type: EncryptionKey of RFC 4120 §5.2.9. The bytes are copied in and
 * out, compared in constant time, and never printed.
 */
public record EncryptionKey(EncryptionType type, byte[] value) {

    public EncryptionKey {
        if (type == null || value == null) {
            throw new IllegalArgumentException("a key needs a type and a value");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The cipher of this key's type, checking that the key length fits it. */
    public KerberosCipher cipher() throws KerberosCryptoException {
        KerberosCipher cipher = type.requireCipher();
        if (value.length != cipher.keyLength()) {
            throw new KerberosCryptoException(
                    "key length for " + type + " (expected: " + cipher.keyLength() + ", actual: " + value.length + ")");
        }
        return cipher;
    }

    /** A fresh random key of the given type (random-to-key is the identity for AES, RFC 3962 §6). */
    public static EncryptionKey random(EncryptionType type, RandomSource random) throws KerberosCryptoException {
        return new EncryptionKey(type, random.bytes(type.requireCipher().keyLength()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionKey k && type.equals(k.type) && MessageDigest.isEqual(value, k.value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + type + ", " + value.length + " bytes]";
    }
}
