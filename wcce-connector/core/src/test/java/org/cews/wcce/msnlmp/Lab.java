package org.cews.wcce.msnlmp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * The client account and names of the in-memory handshakes, shaped like the Samba lab (DCE.TEST,
 * dc1); their server side is {@code LabServer} in the rpc-server module's tests.
 */
final class Lab {

    static final NtlmCredential ADMINISTRATOR =
            NtlmCredential.ofPassword("Administrator", "DCE", "Passw0rd!".toCharArray());
    static final String SPN = "host/dc1.dce.test";
    static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Lab() {}

    static NtlmClientContext client(NtlmCredential credential) {
        return new NtlmClientContext(credential, "JAVACLIENT", SPN, new Random(1)::nextBytes, CLOCK);
    }
}
