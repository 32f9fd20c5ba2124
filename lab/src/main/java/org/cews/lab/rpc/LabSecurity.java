package org.cews.lab.rpc;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.cews.lab.LabRealm;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.msrpce.AuthType;
import org.cews.wcce.server.kerberos.KerberosServerContext;
import org.cews.wcce.server.kerberos.ServiceKeys;
import org.cews.wcce.server.kerberos.SpnegoServerContext;
import org.cews.wcce.server.msnlmp.NtlmCredentialLookup;
import org.cews.wcce.server.msnlmp.NtlmServerContext;
import org.cews.wcce.server.msnlmp.NtlmServerNames;
import org.cews.wcce.server.msrpce.ServerSecurityContext;
import org.cews.wcce.server.msrpce.ServerSecurityContextFactory;

/**
 * The security providers the lab CA accepts on a bind ([MS-RPCE] 3.3.1.5.2.1), as an AD CS host
 * does: NTLM (auth_type 10, [MS-NLMP]) against the lab accounts, and, when the CA's service keys
 * are given, Kerberos (16, [MS-KILE] 3.4.5) and SPNEGO around Kerberos (9, [MS-SPNG]). Kerberos
 * contexts share one replay cache and take clients of the CA's realm only ({@link
 * GuardedKerberosContext}). Every context is wrapped to log who bound with what.
 */
public final class LabSecurity implements ServerSecurityContextFactory {

    /** The names of the CA host in its CHALLENGE_MESSAGE ([MS-NLMP] 3.2.5.1.1). */
    public static final NtlmServerNames CA_NAMES = new NtlmServerNames(
            LabRealm.NETBIOS_DOMAIN, LabRealm.CA_NETBIOS, LabRealm.DNS_DOMAIN, LabRealm.CA_HOST, LabRealm.DNS_DOMAIN);

    private static final System.Logger LOG = System.getLogger(LabSecurity.class.getName());

    /** Authenticators remembered at once; about 30 logons a second for the ten-minute window. */
    static final int REPLAY_CACHE_CAPACITY = 20_000;

    private final Optional<NtlmCredentialLookup> accounts;
    private final Optional<ServiceKeys> caKeys;
    private final String realm;
    private final ReplayCache replays;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param caKeys the long-term keys of host/ca.lab.example; empty: Kerberos binds are refused
     *     (bind_nak, authentication type not recognized)
     */
    public LabSecurity(NtlmCredentialLookup accounts, Optional<ServiceKeys> caKeys, SecureRandom random, Clock clock) {
        this(Optional.of(accounts), caKeys, LabRealm.REALM, random, clock);
    }

    private LabSecurity(
            Optional<NtlmCredentialLookup> accounts,
            Optional<ServiceKeys> caKeys,
            String realm,
            SecureRandom random,
            Clock clock) {
        this.accounts = accounts;
        this.caKeys = caKeys;
        this.realm = realm;
        this.random = random;
        this.clock = clock;
        this.replays = new ReplayCache(REPLAY_CACHE_CAPACITY, KerberosServerContext.MAX_SKEW, clock);
    }

    /**
     * Kerberos and SPNEGO only, for a CA inside a realm whose passwords the lab does not hold
     * ({@link org.cews.lab.RealmLab}): an NTLM bind gets bind_nak, as from a host that does not
     * offer the package. Clients of {@code realm} only.
     */
    public static LabSecurity kerberosOnly(String realm, ServiceKeys caKeys, SecureRandom random, Clock clock) {
        return new LabSecurity(Optional.empty(), Optional.of(caKeys), realm, random, clock);
    }

    @Override
    public Optional<ServerSecurityContext> newContext(AuthType authType) {
        Optional<ServerSecurityContext> context = create(authType);
        if (context.isEmpty()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "LAB0401 bind refused: auth_type {0,number,#} ({1}) not offered",
                    authType.code(),
                    LoggedSecurityContext.name(authType));
        }
        return context.map(LoggedSecurityContext::new);
    }

    private Optional<ServerSecurityContext> create(AuthType authType) {
        if (authType.equals(AuthType.NTLM)) {
            return accounts.<ServerSecurityContext>map(
                    a -> new NtlmServerContext(a, CA_NAMES, random::nextBytes, clock));
        }
        if (caKeys.isEmpty()) {
            return Optional.empty();
        }
        RandomSource randomSource = random::nextBytes;
        ServerSecurityContext acceptor;
        if (authType.equals(AuthType.KERBEROS)) {
            acceptor = new KerberosServerContext(caKeys.get(), randomSource, clock);
        } else if (authType.equals(AuthType.SPNEGO)) {
            acceptor = new SpnegoServerContext(new KerberosServerContext(caKeys.get(), randomSource, clock));
        } else {
            return Optional.empty();
        }
        return Optional.of(new GuardedKerberosContext(acceptor, caKeys.get(), replays, realm));
    }
}
