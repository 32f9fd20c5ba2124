package org.cews.soap.auth;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.cews.policy.acl.AclFormatException;
import org.cews.policy.acl.Sid;
import org.cews.policy.ldap.AccountLookup;
import org.cews.policy.ldap.AccountNotUniqueException;
import org.cews.policy.ldap.DirectoryAccount;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PasswordCheck;
import org.cews.soap.SoapMessages;
import org.cews.x690.DerException;

/**
 * Maps what a caller proved to its directory account, per mode (docs/AUTHENTICATION.md §2-§4),
 * without the container: {@link ServletCallerAuthenticator} hands it what the request carries.
 *
 * <ul>
 *   <li>Kerberos: the principal Elytron accepted ({@code alice@LAB.EXAMPLE}); another realm is
 *       refused; {@code WEB01$} is a computer's account, {@code host/web01.lab.example} its DNS name.
 *   <li>Certificate: the chain TLS already validated against the trusted CAs; refused outside its
 *       validity or when the {@link RevocationCheck} refuses it; mapped by the SID extension, then the UPN, then (computers) the DNS name, AD's
 *       order since its 2022 strong mapping; the SID extension, when present, must name the account
 *       the other names name. Unmapped is refused, except on key-based renewal.
 *   <li>UsernamePassword: the user name (UPN, DOMAIN&#92;user or bare) is looked up, then the
 *       password checked by a simple bind as that account; failures are rate-limited per account
 *       and per source address.
 * </ul>
 *
 * Accounts (with their tokenGroups) are kept per principal for {@link AuthSettings#identityCache()};
 * a password the directory accepted is remembered (as an HMAC) for {@link
 * AuthSettings#passwordCache()} and forgotten at the account's next refusal. A directory that
 * cannot be asked is {@link AuthenticationException.Kind#UNAVAILABLE}.
 */
public final class CallerResolver {

    /** The audit category (configure-logging.cli: log/cews-audit.log). */
    private static final System.Logger AUDIT = System.getLogger("org.cews.audit");

    private final AccountLookup lookup;
    private final PasswordCheck passwords;
    private final AuthSettings settings;
    private final Clock clock;
    private final RevocationCheck revocation;
    private final IdentityCache cache;
    private final PasswordCache verifiedPasswords;
    private final FailureLimiter accounts;
    private final FailureLimiter sources;

    public CallerResolver(
            AccountLookup lookup,
            PasswordCheck passwords,
            AuthSettings settings,
            Clock clock,
            RevocationCheck revocation) {
        this.lookup = lookup;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
        this.revocation = revocation;
        this.cache = new IdentityCache(settings.identityCache(), clock);
        this.verifiedPasswords = new PasswordCache(settings.passwordCache(), clock, new SecureRandom());
        this.accounts = new FailureLimiter(settings.maxFailures(), settings.failureWindow(), settings.block(), clock);
        this.sources =
                new FailureLimiter(settings.maxFailuresPerSource(), settings.failureWindow(), settings.block(), clock);
    }

    /** A principal that Elytron's SPNEGO mechanism accepted: {@code name@REALM}. */
    public Account kerberos(String principal) throws AuthenticationException {
        int at = principal.lastIndexOf('@');
        String name = at < 0 ? principal : principal.substring(0, at);
        String realm = at < 0 ? settings.realm() : principal.substring(at + 1);
        if (!realm.equals(settings.realm()) || name.isEmpty()) {
            throw refused(SoapMessages.SOAP0504.format(principal, settings.realm()));
        }
        String key = "krb:" + name.toLowerCase(Locale.ROOT);
        Optional<Account> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<DirectoryAccount> found = ask(
                principal,
                () -> name.regionMatches(true, 0, "host/", 0, 5)
                        ? lookup.byDnsHostName(name.substring(5))
                        : lookup.bySamAccountName(name));
        return remember(key, principal, "Kerberos", found);
    }

    /**
     * A TLS client certificate; {@code chain[0]} is the client's. Empty on a key-based renewal
     * endpoint when it maps to no account.
     */
    public Optional<Account> certificate(X509Certificate[] chain, boolean keyBasedRenewal)
            throws AuthenticationException {
        X509Certificate cert = chain[0];
        Instant now = clock.instant();
        if (now.isBefore(cert.getNotBefore().toInstant())
                || now.isAfter(cert.getNotAfter().toInstant())) {
            throw refused(SoapMessages.SOAP0507.format(
                    cert.getSubjectX500Principal().getName(),
                    cert.getNotBefore().toInstant(),
                    cert.getNotAfter().toInstant()));
        }
        revocation.check(chain);
        // The certificate itself is the key: its equality is that of its exact DER encoding, so
        // only the very certificate that was mapped finds the mapping (not another with the same
        // issuer name and serial number, from another CA of the same name); its hash is computed
        // once per certificate object, which the TLS session hands out for each of its requests.
        Object key = cert;
        Optional<Account> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached;
        }
        String subject = cert.getSubjectX500Principal().getName();
        CertificateNames names;
        try {
            names = CertificateNames.of(cert);
        } catch (DerException e) {
            throw refused(SoapMessages.SOAP0508.format(subject, "undecodable names: " + e.getMessage()));
        }
        Optional<DirectoryAccount> byName = Optional.empty();
        String how = "";
        for (String upn : names.upns()) {
            if (byName.isEmpty()) {
                byName = ask(subject, () -> lookup.byUserPrincipalName(upn));
                how = "certificate UPN " + upn;
            }
        }
        for (String dns : names.dnsNames()) {
            if (byName.isEmpty()) {
                byName = ask(subject, () -> lookup.byDnsHostName(dns));
                how = "certificate DNS name " + dns;
            }
        }
        Optional<DirectoryAccount> found = byName;
        if (names.sid().isPresent()) {
            Sid sid;
            try {
                sid = Sid.parse(names.sid().get());
            } catch (AclFormatException e) {
                throw refused(
                        SoapMessages.SOAP0509.format(subject, names.sid().get(), "which is no SID: " + e.getMessage()));
            }
            Optional<DirectoryAccount> bySid = ask(subject, () -> lookup.bySid(sid));
            if (bySid.isEmpty()) {
                throw refused(SoapMessages.SOAP0509.format(subject, sid, "which no account of the directory has"));
            }
            if (byName.isPresent() && !byName.get().sid().equals(sid)) {
                throw refused(SoapMessages.SOAP0509.format(
                        subject,
                        sid,
                        "but its names map to " + byName.get().samAccountName() + " ("
                                + byName.get().sid() + ")"));
            }
            found = bySid;
            how = "certificate SID extension" + (byName.isPresent() ? " (and " + how + ")" : "");
        }
        if (found.isEmpty()) {
            if (keyBasedRenewal) {
                return Optional.empty();
            }
            throw refused(SoapMessages.SOAP0508.format(subject, names.describe()));
        }
        return Optional.of(remember(key, subject, how, found));
    }

    /** A UsernameToken from {@code source} (the client's address). */
    public Account password(UsernameToken token, String source) throws AuthenticationException {
        String user = token.username() == null ? "" : token.username().strip();
        if (token.passwordType().isPresent() && !token.passwordType().get().endsWith("#PasswordText")) {
            throw refused(
                    SoapMessages.SOAP0513.format(user, token.passwordType().get()));
        }
        char[] password = token.password();
        try {
            if (password.length == 0) {
                throw refused(SoapMessages.SOAP0512.format(user));
            }
            String accountKey = "user:" + accountName(user).toLowerCase(Locale.ROOT);
            String sourceKey = "source:" + source;
            blocked(accounts, accountKey);
            blocked(sources, sourceKey);
            String cacheKey = "upn:" + user.toLowerCase(Locale.ROOT);
            Optional<Account> account = cache.get(cacheKey);
            if (account.isEmpty()) {
                Optional<DirectoryAccount> found = ask(user, () -> find(user));
                if (found.isEmpty()) {
                    accounts.failed(accountKey);
                    sources.failed(sourceKey);
                    throw refused(SoapMessages.SOAP0505.format(user));
                }
                account = Optional.of(remember(cacheKey, user, "UsernameToken", found));
            }
            String dn = account.get().dn();
            if (verifiedPasswords.verified(dn, password)) {
                accounts.succeeded(accountKey);
                return account.get();
            }
            PasswordCheck.Outcome outcome;
            try {
                outcome = passwords.verify(dn, account.get().kerberosPrincipal(), password);
            } catch (DirectoryException e) {
                throw new AuthenticationException(
                        AuthenticationException.Kind.UNAVAILABLE,
                        SoapMessages.SOAP0516.format(user, e.getMessage()),
                        e);
            }
            if (!outcome.accepted()) {
                verifiedPasswords.forget(dn);
                accounts.failed(accountKey);
                sources.failed(sourceKey);
                throw refused(SoapMessages.SOAP0514.format(user, outcome.reason()));
            }
            verifiedPasswords.accepted(dn, password);
            accounts.succeeded(accountKey);
            return account.get();
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static void blocked(FailureLimiter limiter, String key) throws AuthenticationException {
        Optional<Instant> until = limiter.blockedUntil(key);
        if (until.isPresent()) {
            throw new AuthenticationException(
                    AuthenticationException.Kind.RATE_LIMITED, SoapMessages.SOAP0515.format(key, until.get()));
        }
    }

    /** The account a user name names: UPN, DOMAIN\\user or a bare sAMAccountName. */
    private Optional<DirectoryAccount> find(String user) throws DirectoryException, AuthenticationException {
        int slash = user.indexOf('\\');
        if (slash >= 0) {
            String domain = user.substring(0, slash);
            if (!domain.equalsIgnoreCase(settings.netbiosDomain()) && !domain.equalsIgnoreCase(settings.realm())) {
                throw refused(SoapMessages.SOAP0517.format(user, settings.netbiosDomain()));
            }
            return lookup.bySamAccountName(user.substring(slash + 1));
        }
        int at = user.lastIndexOf('@');
        if (at >= 0) {
            Optional<DirectoryAccount> byUpn = lookup.byUserPrincipalName(user);
            // AD's implicit UPN: sAMAccountName@<DNS domain> names the account without a UPN set.
            if (byUpn.isEmpty() && user.substring(at + 1).equalsIgnoreCase(settings.realm())) {
                return lookup.bySamAccountName(user.substring(0, at));
            }
            return byUpn;
        }
        return lookup.bySamAccountName(user);
    }

    /** The name failures of {@code user} are counted under (the account part, whatever the form). */
    static String accountName(String user) {
        String name = user.substring(user.lastIndexOf('\\') + 1);
        int at = name.lastIndexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    private Account remember(Object key, String who, String how, Optional<DirectoryAccount> found)
            throws AuthenticationException {
        if (found.isEmpty()) {
            throw refused(SoapMessages.SOAP0505.format(who));
        }
        DirectoryAccount a = found.get();
        if (a.disabled()) {
            throw refused(SoapMessages.SOAP0505.format(who + " (" + a.samAccountName() + " is disabled)"));
        }
        Account account = new Account(
                settings.netbiosDomain(),
                a.samAccountName(),
                settings.realm(),
                a.dn(),
                a.sids().callerSids());
        cache.put(key, account);
        AUDIT.log(
                System.Logger.Level.INFO,
                () -> SoapMessages.SOAP0518.format(
                        account.ntName(),
                        account.sids().user(),
                        who,
                        how,
                        account.sids().all().size()));
        return account;
    }

    @FunctionalInterface
    private interface Query {
        Optional<DirectoryAccount> run() throws DirectoryException, AuthenticationException;
    }

    private static Optional<DirectoryAccount> ask(String who, Query query) throws AuthenticationException {
        try {
            return query.run();
        } catch (AccountNotUniqueException e) {
            throw refused(SoapMessages.SOAP0505.format(who + " (" + e.getMessage() + ")"));
        } catch (DirectoryException e) {
            throw new AuthenticationException(
                    AuthenticationException.Kind.UNAVAILABLE, SoapMessages.SOAP0516.format(who, e.getMessage()), e);
        }
    }

    private static AuthenticationException refused(String message) {
        return new AuthenticationException(AuthenticationException.Kind.REFUSED, message);
    }
}
