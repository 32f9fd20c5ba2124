package org.cews.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.cews.wcce.api.CaException;
import org.cews.wcce.client.CaEndpoint;
import org.cews.wcce.client.IcprSession;
import org.cews.wcce.msnlmp.NtlmClientContext;
import org.cews.wcce.msnlmp.NtlmCredential;

/**
 * Opens an MS-ICPR session the way the connector's managed connection factory does in NTLM mode
 * (CaManagedConnectionFactory#createManagedConnection): endpoint-mapper lookup, TCP connect, bind
 * at packet privacy with a fresh NTLMv2 context as the connector's account.
 */
final class SessionFactory {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    static final String WORKSTATION = "BENCH";

    private final CaEndpoint ca;
    private final String user;
    private final String domain;
    private final char[] password;
    private final String caSpn;

    SessionFactory(CaEndpoint ca, String user, String domain, char[] password, String caSpn) {
        this.ca = ca;
        this.user = user;
        this.domain = domain;
        this.password = password.clone();
        this.caSpn = caSpn;
    }

    CaEndpoint ca() {
        return ca;
    }

    /** One endpoint-mapper lookup, one connect, one NTLM bind. */
    IcprSession open() throws CaException {
        NtlmClientContext ntlm = new NtlmClientContext(
                NtlmCredential.ofPassword(user, domain, password),
                WORKSTATION,
                caSpn,
                new SecureRandom()::nextBytes,
                Clock.systemUTC());
        return IcprSession.open(ca, ntlm, CONNECT_TIMEOUT, READ_TIMEOUT);
    }
}
