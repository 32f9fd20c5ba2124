package org.cews.wcce.msnlmp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/** The accounts and names of the in-memory handshakes, shaped like the Samba lab (DCE.TEST, dc1). */
final class Lab {

    static final NtlmServerNames NAMES = new NtlmServerNames("DCE", "DC1", "dce.test", "dc1.dce.test", null);
    static final NtlmCredential ADMINISTRATOR =
            NtlmCredential.ofPassword("Administrator", "DCE", "Passw0rd!".toCharArray());
    static final NtlmCredentialLookup ACCOUNTS = NtlmCredentialLookup.of(List.of(ADMINISTRATOR));
    static final String SPN = "host/dc1.dce.test";
    static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Lab() {}

    static NtlmClientContext client(NtlmCredential credential) {
        return new NtlmClientContext(credential, "JAVACLIENT", SPN, new Random(1)::nextBytes, CLOCK);
    }

    static NtlmServerContext server() {
        return new NtlmServerContext(ACCOUNTS, NAMES, new Random(2)::nextBytes, CLOCK);
    }
}
