package org.cews.client.cli;

import java.net.URI;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.auth.ClientCredentials;
import org.cews.client.http.SoapTransport;
import org.cews.client.pki.CertificateRequests;
import org.cews.client.pki.Keys;
import org.cews.client.pki.Pem;
import org.cews.client.pki.TemplateExtension;
import org.cews.client.policy.EndpointSelector;
import org.cews.client.wstep.EnrollmentOutcome;
import org.cews.client.wstep.RequestSecurityToken;
import org.cews.client.xcep.EnrollmentPolicy;
import org.cews.client.xcep.Template;

/**
 * {@code enroll request --cep URL --template NAME}: a new key (or {@code --key}) and a PKCS#10
 * with the template extension (or {@code --csr} as given), sent to the template's CES URIs in
 * policy order; the answer written or its pending reference printed.
 */
final class RequestCommand {
    static final Set<String> VALUED = Set.of(
            "cep",
            "template",
            "key-type",
            "key",
            "csr",
            "subject",
            "dns",
            "out",
            "format",
            "p12-password-env",
            "p12-password-file",
            "wait",
            "interval",
            "template-extension",
            "ces");
    static final Set<String> FLAGS = Set.of("force");

    private RequestCommand() {}

    static ExitCode run(Options o, Session s, Environment env) throws ClientException {
        URI cep = Commands.uri(o.required("cep"), "--cep");
        String name = o.required("template");
        OutputFiles files = new OutputFiles(o.value("out").orElse(name), OutputFiles.format(o), o.flag("force"), env);
        ClientCredentials credentials = s.credentials();
        SoapTransport t = s.transport(credentials);
        EnrollmentPolicy policy = s.policyService(t).policy(cep, s.refresh());
        Template template = template(policy, name, cep);
        Optional<List<URI>> given = cesUris(o);
        List<URI> uris =
                given.isPresent() ? given.get() : EndpointSelector.select(policy, template, credentials.mode(), false);

        Optional<KeyPair> keys;
        byte[] request;
        if (o.value("csr").isPresent()) {
            PKCS10CertificationRequest csr = Pem.request(o.path("csr").get());
            keys = o.path("key").isPresent()
                    ? Optional.of(Pem.keyPair(o.path("key").get()))
                    : Optional.empty();
            request = encoded(csr);
        } else {
            KeyPair kp;
            if (o.path("key").isPresent()) {
                kp = Pem.keyPair(o.path("key").get());
            } else {
                files.checkKeyFileFree();
                kp = Keys.generate(keySpec(o, template), env.random());
                files.writeKey(kp);
            }
            keys = Optional.of(kp);
            CertificateRequests.Content content =
                    new CertificateRequests.Content(subject(o), o.all("dns"), templateExtension(o, policy, template));
            request = encoded(CertificateRequests.pkcs10(kp, content, Optional.empty()));
        }
        EnrollmentOutcome outcome =
                s.enrollmentService(t).submit(uris, request, RequestSecurityToken.RequestFormat.PKCS10);
        return new Collector(s.enrollmentService(t), files, keys, s, env)
                .handle(outcome, o.integer("wait", 0), o.integer("interval", 10));
    }

    static Template template(EnrollmentPolicy policy, String name, URI cep) throws ClientException {
        return policy.template(name)
                .orElseThrow(() -> new ClientException(
                        ClientMessage.TEMPLATE_UNKNOWN,
                        cep,
                        name,
                        policy.templates().isEmpty()
                                ? "none"
                                : policy.templates().stream()
                                        .map(Template::commonName)
                                        .collect(Collectors.joining(", "))));
    }

    /**
     * {@code --ces URL} (repeatable): the CES URLs to send to, in this order, instead of those the
     * policy names for the template (as {@code certreq -config} takes a CES URL); the next one is
     * tried on a connection error or HTTP 503, as with the policy's. The policy is still read for
     * the template.
     */
    static Optional<List<URI>> cesUris(Options o) throws ClientException {
        List<String> given = o.all("ces");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        List<URI> uris = new ArrayList<>();
        for (String u : given) {
            uris.add(Commands.uri(u, "--ces"));
        }
        return Optional.of(List.copyOf(uris));
    }

    static Keys.KeySpec keySpec(Options o, Template t) throws ClientException {
        if (o.value("key-type").isPresent()) {
            return Keys.KeySpec.parse(o.value("key-type").get());
        }
        int min = t.minimalKeyLength();
        return Keys.KeySpec.parse(min > 3072 ? "rsa:4096" : min > 2048 ? "rsa:3072" : "rsa:2048");
    }

    /**
     * The template extension: {@code name} (v1, 1.3.6.1.4.1.311.20.2), {@code info} (v2,
     * 1.3.6.1.4.1.311.21.7), {@code none}; by default v1 for schema 1 templates and v2 for the
     * others, as Windows does.
     */
    static Optional<TemplateExtension> templateExtension(Options o, EnrollmentPolicy p, Template t)
            throws ClientException {
        String choice = o.value("template-extension").orElse("auto").toLowerCase(Locale.ROOT);
        Optional<String> oid = p.templateOid(t).map(x -> x.value());
        TemplateExtension v1 = new TemplateExtension.Name(t.commonName());
        switch (choice) {
            case "none":
                return Optional.empty();
            case "name":
                return Optional.of(v1);
            case "info":
                if (oid.isEmpty()) {
                    throw new ClientException(
                            ClientMessage.USAGE, "the policy names no OID for template " + t.commonName());
                }
                return Optional.of(new TemplateExtension.Information(oid.get(), t.majorRevision(), t.minorRevision()));
            case "auto":
                return Optional.of(
                        t.policySchema() >= 2 && oid.isPresent()
                                ? new TemplateExtension.Information(oid.get(), t.majorRevision(), t.minorRevision())
                                : v1);
            default:
                throw new ClientException(ClientMessage.USAGE, "--template-extension is name, info, none or auto");
        }
    }

    static X500Name subject(Options o) throws ClientException {
        try {
            return new X500Name(o.value("subject").orElse(""));
        } catch (IllegalArgumentException e) {
            throw new ClientException(
                    ClientMessage.USAGE, "--subject " + o.value("subject").orElse("") + ": " + e.getMessage());
        }
    }

    static byte[] encoded(PKCS10CertificationRequest csr) throws ClientException {
        try {
            return csr.getEncoded();
        } catch (java.io.IOException e) {
            throw new ClientException(e, ClientMessage.CRYPTO, "encode the request", e.getMessage());
        }
    }
}
