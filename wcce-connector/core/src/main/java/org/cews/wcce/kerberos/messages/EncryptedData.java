package org.cews.wcce.kerberos.messages;

import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KerberosCryptoException;
import org.cews.wcce.kerberos.crypto.KeyUsage;
import org.cews.wcce.kerberos.crypto.RandomSource;

/**
 * RFC 4120 §5.2.9: {@code EncryptedData ::= SEQUENCE { etype [0] Int32, kvno [1] UInt32 OPTIONAL,
 * cipher [2] OCTET STRING }}. {@code kvno} is {@code null} when absent.
 */
public record EncryptedData(EncryptionType etype, Long kvno, byte[] cipher) {

    public EncryptedData {
        cipher = cipher.clone();
    }

    @Override
    public byte[] cipher() {
        return cipher.clone();
    }

    /** Encrypts {@code plaintext} under {@code key} for {@code usage} (RFC 3961 §3). */
    public static EncryptedData encrypt(
            EncryptionKey key, Long kvno, KeyUsage usage, byte[] plaintext, RandomSource random)
            throws KerberosCryptoException {
        return new EncryptedData(key.type(), kvno, key.cipher().encrypt(key.value(), usage, plaintext, random));
    }

    /** Decrypts under {@code key}, which must be of this data's etype. */
    public byte[] decrypt(EncryptionKey key, KeyUsage usage) throws KerberosCryptoException {
        if (!key.type().equals(etype)) {
            throw new KerberosCryptoException(
                    "encryption type of the key (expected: " + etype + ", actual: " + key.type() + ")");
        }
        return key.cipher().decrypt(key.value(), usage, cipher);
    }

    public byte[] encode() {
        return DerWriter.sequence(
                DerWriter.explicit(0, DerWriter.integer(etype.code())),
                kvno == null ? null : DerWriter.explicit(1, DerWriter.integer(kvno)),
                DerWriter.explicit(2, DerWriter.octetString(cipher)));
    }

    public static EncryptedData decode(DerValue value) throws DerException {
        value.expectTag(Der.SEQUENCE);
        DerReader fields = value.contents();
        EncryptionType etype = new EncryptionType(fields.readExplicit(0).asInt32());
        Long kvno = fields.peekTag() == Der.context(1) ? fields.readExplicit(1).asUInt32() : null;
        byte[] cipher = fields.readExplicit(2).asOctetString();
        return new EncryptedData(etype, kvno, cipher);
    }
}
