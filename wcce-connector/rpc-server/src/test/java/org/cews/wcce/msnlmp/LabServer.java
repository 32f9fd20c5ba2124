package org.cews.wcce.msnlmp;

import java.util.List;
import java.util.Random;
import org.cews.wcce.server.msnlmp.NtlmCredentialLookup;
import org.cews.wcce.server.msnlmp.NtlmServerContext;
import org.cews.wcce.server.msnlmp.NtlmServerNames;

/** The server of the in-memory handshakes, for the client account of {@link Lab} (DCE.TEST, dc1). */
final class LabServer {

    static final NtlmServerNames NAMES = new NtlmServerNames("DCE", "DC1", "dce.test", "dc1.dce.test", null);
    static final NtlmCredentialLookup ACCOUNTS = NtlmCredentialLookup.of(List.of(Lab.ADMINISTRATOR));

    private LabServer() {}

    static NtlmServerContext server() {
        return new NtlmServerContext(ACCOUNTS, NAMES, new Random(2)::nextBytes, Lab.CLOCK);
    }
}
