package org.cews.wcce.msnlmp;

import java.util.Objects;

/**
 * The client's account for NTLM: user name, the domain it belongs to (UserDom, [MS-NLMP]
 * 3.1.1.1) and the NT hash, MD4(UTF-16LE(password)). The password itself is never kept.
 */
public record NtlmCredential(String user, String domain, byte[] ntHash) {

    public NtlmCredential {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(domain, "domain");
        if (ntHash.length != 16) {
            throw new IllegalArgumentException("an NT hash is 16 bytes (actual: " + ntHash.length + ")");
        }
        ntHash = ntHash.clone();
    }

    /** Hashes {@code password} at once; the caller may wipe the array afterwards. */
    public static NtlmCredential ofPassword(String user, String domain, char[] password) {
        return new NtlmCredential(user, domain, NtlmV2.ntHash(password));
    }

    @Override
    public byte[] ntHash() {
        return ntHash.clone();
    }

    @Override
    public String toString() {
        return "NtlmCredential[" + domain + "\\" + user + ", NT hash redacted]";
    }
}
