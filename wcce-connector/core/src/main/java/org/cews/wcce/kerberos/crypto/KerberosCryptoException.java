package org.cews.wcce.kerberos.crypto;

/**
 * A Kerberos cryptosystem operation failed on its input: integrity check, key or ciphertext length,
 * unsupported encryption type (RFC 3961 §3).
 */
public class KerberosCryptoException extends Exception {

    private static final long serialVersionUID = 1L;

    public KerberosCryptoException(String message) {
        super(message);
    }
}
