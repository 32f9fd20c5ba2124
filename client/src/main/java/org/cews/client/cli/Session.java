package org.cews.client.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.auth.Anonymous;
import org.cews.client.auth.ClientCertificate;
import org.cews.client.auth.ClientCredentials;
import org.cews.client.auth.Kerberos;
import org.cews.client.auth.PasswordSource;
import org.cews.client.auth.UsernamePassword;
import org.cews.client.http.SoapTransport;
import org.cews.client.http.Trace;
import org.cews.client.pki.Pem;
import org.cews.client.pki.Pkcs12;
import org.cews.client.policy.EnrollmentService;
import org.cews.client.policy.PolicyCache;
import org.cews.client.policy.PolicyService;
import org.cews.client.soap.MessageIds;
import org.cews.client.xcep.ClientAuthentication;

/** The options every command shares (authentication, TLS, cache, trace) and what they build. */
final class Session {
    static final Set<String> VALUED = Set.of(
            "auth",
            "user",
            "password-env",
            "password-file",
            "principal",
            "keytab",
            "ticket-cache",
            "krb5-conf",
            "channel-binding",
            "client-cert",
            "client-key",
            "client-p12",
            "client-p12-password-env",
            "client-p12-password-file",
            "ca-file",
            "cache-dir",
            "timeout");
    static final Set<String> FLAGS = Set.of("trace", "no-cache", "refresh", "help");

    private final Options options;
    private final Environment env;
    private final Trace trace;
    private final MessageIds ids;

    Session(Options options, Environment env) {
        this.options = options;
        this.env = env;
        this.trace = new Trace(env.err(), options.flag("trace"));
        this.ids = new MessageIds(env.random());
    }

    EnrollmentService enrollmentService(SoapTransport transport) {
        return new EnrollmentService(transport, ids);
    }

    Trace trace() {
        return trace;
    }

    ClientAuthentication mode() throws ClientException {
        String name = options.value("auth").orElse("kerberos");
        return ClientAuthentication.parse(name)
                .orElseThrow(() -> new ClientException(
                        ClientMessage.USAGE,
                        "--auth " + name + " is not one of kerberos, password, certificate, anonymous"));
    }

    /** The credentials the options name. */
    ClientCredentials credentials() throws ClientException {
        return switch (mode()) {
            case KERBEROS -> kerberos();
            case USERNAME_PASSWORD -> {
                String user = options.required("user");
                yield new UsernamePassword(
                        user, passwordSource("password-env", "password-file").read(user), env.clock(), ids);
            }
            case CERTIFICATE -> clientCertificate();
            case ANONYMOUS -> new Anonymous();
        };
    }

    SoapTransport transport(ClientCredentials credentials) throws ClientException {
        int seconds = options.integer("timeout", 30);
        return SoapTransport.create(
                credentials, options.path("ca-file"), trace, Duration.ofSeconds(Math.max(seconds, 1)));
    }

    PolicyService policyService(SoapTransport transport) {
        Optional<PolicyCache> cache = options.flag("no-cache")
                ? Optional.empty()
                : Optional.of(new PolicyCache(options.path("cache-dir")
                        .orElse(env.home().resolve(".cache").resolve("cews-enroll"))));
        return new PolicyService(transport, cache, env.clock(), ids);
    }

    boolean refresh() {
        return options.flag("refresh");
    }

    PasswordSource passwordSource(String envOption, String fileOption) {
        if (options.value(envOption).isPresent()) {
            return new PasswordSource.Environment(options.value(envOption).get(), env.variables());
        }
        if (options.value(fileOption).isPresent()) {
            return new PasswordSource.File(Path.of(options.value(fileOption).get()));
        }
        return new PasswordSource.Prompt(env.console());
    }

    private Kerberos kerberos() throws ClientException {
        // JGSS reads the KDC from krb5.conf; naming the file is the one JVM-wide setting it needs.
        Optional<String> conf = options.value("krb5-conf")
                .or(() -> Optional.ofNullable(env.variables().get("KRB5_CONFIG")));
        conf.ifPresent(c -> System.setProperty("java.security.krb5.conf", c));
        Optional<Path> cache = options.path("ticket-cache")
                .or(() -> Optional.ofNullable(env.variables().get("KRB5CCNAME"))
                        .map(c -> c.startsWith("FILE:") ? c.substring(5) : c)
                        .filter(c -> !c.contains(":"))
                        .map(Path::of));
        String cb = options.value("channel-binding").orElse("auto");
        if (!cb.equals("auto") && !cb.equals("off")) {
            throw new ClientException(ClientMessage.USAGE, "--channel-binding is auto or off, not " + cb);
        }
        Optional<char[]> password = Optional.empty();
        if (options.value("password-env").isPresent()
                || options.value("password-file").isPresent()) {
            String principal = options.required("principal");
            password =
                    Optional.of(passwordSource("password-env", "password-file").read(principal));
        }
        return new Kerberos(
                new Kerberos.Source(options.value("principal"), options.path("keytab"), cache, password),
                cb.equals("auto"),
                trace::progress);
    }

    private ClientCertificate clientCertificate() throws ClientException {
        if (options.value("client-p12").isPresent()) {
            Path p12 = options.path("client-p12").get();
            char[] pw = passwordSource("client-p12-password-env", "client-p12-password-file")
                    .read(p12.toString());
            Pkcs12.KeyAndChain kc = Pkcs12.read(p12, pw);
            return ClientCertificate.of(kc.key(), kc.chain(), p12.toString(), p12.toString());
        }
        Path cert = Path.of(options.required("client-cert"));
        Path key = Path.of(options.required("client-key"));
        var chain = Pem.certificates(cert);
        if (chain.isEmpty()) {
            throw new ClientException(ClientMessage.NOT_FOUND_IN_FILE, cert, "PEM certificate");
        }
        return ClientCertificate.of(Pem.privateKey(key), List.copyOf(chain), key.toString(), cert.toString());
    }
}
