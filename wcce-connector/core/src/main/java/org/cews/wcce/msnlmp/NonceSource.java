package org.cews.wcce.msnlmp;

/**
 * Where the NTLM contexts get their nonces ([MS-NLMP] 6, NONCE): the ClientChallenge, the
 * ServerChallenge and the ExportedSessionKey. Production passes {@code new SecureRandom()::nextBytes};
 * tests pass fixed bytes to reproduce the spec's examples.
 */
@FunctionalInterface
public interface NonceSource {

    /** Fills {@code bytes} with unpredictable values. */
    void nextBytes(byte[] bytes);
}
