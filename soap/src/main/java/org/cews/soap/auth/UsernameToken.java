package org.cews.soap.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * A WS-Security UsernameToken as the SOAP header carried it (OASIS WSS UsernameToken Profile 1.1
 * §3.1; what cepces sends: docs/REAL-CLIENTS.md). Only PasswordText is meaningful to a server that
 * checks the password against the directory; nonce and created are kept as sent, for the log, and
 * are not trusted.
 */
public record UsernameToken(
        String username,
        char[] password,
        Optional<String> passwordType,
        Optional<String> nonce,
        Optional<String> created) {

    public UsernameToken {
        password = password.clone();
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    /** Overwrites the password in this token once it has been checked. */
    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "UsernameToken[" + username + ", password redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsernameToken t && username.equals(t.username) && Arrays.equals(password, t.password);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }
}
