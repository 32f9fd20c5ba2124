package org.cews.client.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.auth.ClientCertificate;
import org.cews.client.auth.ClientCredentials;
import org.cews.client.http.SoapTransport;
import org.cews.client.pki.CertificateRequests;
import org.cews.client.pki.Keys;
import org.cews.client.pki.Pem;
import org.cews.client.pki.Pkcs12;
import org.cews.client.pki.TemplateExtension;
import org.cews.client.policy.EndpointSelector;
import org.cews.client.policy.EnrollmentService;
import org.cews.client.wstep.RequestSecurityToken;
import org.cews.client.xcep.EnrollmentPolicy;
import org.cews.client.xcep.Template;

/**
 * {@code enroll renew}: a renewal request ([MS-WCCE] 3.1.1.4.3.2; [MS-WSTEP] 3.1.4.2.1.1): a new
 * PKCS#10 carrying the old certificate as szOID_RENEWAL_CERTIFICATE, inside CMS signed with the
 * old key, sent over the chosen authentication to the template's CES URIs, renewal-only ones
 * included. {@code --key-based} authenticates with the old certificate itself as the TLS client
 * certificate (key-based renewal, for hosts with no account).
 */
final class RenewCommand {
    static final Set<String> VALUED = Set.of(
            "cep",
            "cert",
            "key",
            "old-p12",
            "old-p12-password-env",
            "old-p12-password-file",
            "template",
            "key-type",
            "out",
            "format",
            "p12-password-env",
            "p12-password-file",
            "wait",
            "interval",
            "ces");
    static final Set<String> FLAGS = Set.of("force", "key-based", "reuse-key");

    private RenewCommand() {}

    static ExitCode run(Options o, Session s, Environment env) throws ClientException {
        URI cep = Commands.uri(o.required("cep"), "--cep");
        Pkcs12.KeyAndChain old = oldCredential(o, s);
        X509Certificate oldCert = old.chain().get(0);
        ClientCredentials credentials = o.flag("key-based")
                ? ClientCertificate.of(old.key(), old.chain(), "the old key", "the old certificate")
                : s.credentials();
        SoapTransport t = s.transport(credentials);
        EnrollmentPolicy policy = s.policyService(t).policy(cep, s.refresh());
        Template template = o.value("template").isPresent()
                ? RequestCommand.template(policy, o.value("template").get(), cep)
                : templateOf(oldCert, policy, cep);
        Optional<List<URI>> given = RequestCommand.cesUris(o);
        List<URI> uris = given.isPresent()
                ? given.get()
                : o.flag("key-based")
                        ? EndpointSelector.selectKeyBasedRenewal(policy, template)
                        : EndpointSelector.select(policy, template, credentials.mode(), true);

        OutputFiles files = new OutputFiles(
                o.value("out").orElse(template.commonName() + "-renewed"), OutputFiles.format(o), o.flag("force"), env);
        KeyPair newKeys;
        if (o.flag("reuse-key")) {
            newKeys = new KeyPair(oldCert.getPublicKey(), old.key());
        } else {
            files.checkKeyFileFree();
            newKeys = Keys.generate(
                    o.value("key-type").isPresent()
                            ? Keys.KeySpec.parse(o.value("key-type").get())
                            : sameKind(oldCert),
                    env.random());
        }
        files.writeKey(newKeys);
        CertificateRequests.Content content = new CertificateRequests.Content(
                X500Name.getInstance(oldCert.getSubjectX500Principal().getEncoded()),
                List.of(),
                RequestCommand.templateExtension(o, policy, template));
        byte[] cms = CertificateRequests.renewal(
                CertificateRequests.pkcs10(newKeys, content, Optional.of(oldCert)), oldCert, old.key());
        EnrollmentService service = s.enrollmentService(t);
        return new Collector(service, files, Optional.of(newKeys), s, env)
                .handle(
                        service.submit(uris, cms, RequestSecurityToken.RequestFormat.CMS),
                        o.integer("wait", 0),
                        o.integer("interval", 10));
    }

    private static Pkcs12.KeyAndChain oldCredential(Options o, Session s) throws ClientException {
        if (o.path("old-p12").isPresent()) {
            Path p12 = o.path("old-p12").get();
            return Pkcs12.read(
                    p12,
                    s.passwordSource("old-p12-password-env", "old-p12-password-file")
                            .read(p12.toString()));
        }
        Path cert = Path.of(o.required("cert"));
        Path key = Path.of(o.required("key"));
        List<X509Certificate> chain = Pem.certificates(cert);
        if (chain.isEmpty()) {
            throw new ClientException(ClientMessage.NOT_FOUND_IN_FILE, cert, "PEM certificate");
        }
        KeyPair kp = Pem.keyPair(key);
        if (!Keys.matches(kp.getPrivate(), chain.get(0).getPublicKey())) {
            throw new ClientException(ClientMessage.KEY_MISMATCH, key, cert);
        }
        return new Pkcs12.KeyAndChain(kp.getPrivate(), chain);
    }

    /** The template named in the old certificate: its v2 template OID, else its v1 name. */
    static Template templateOf(X509Certificate cert, EnrollmentPolicy policy, URI cep) throws ClientException {
        try {
            byte[] info = cert.getExtensionValue(TemplateExtension.TEMPLATE_INFORMATION.getId());
            if (info != null) {
                ASN1Sequence seq = ASN1Sequence.getInstance(octets(info));
                String oid = seq.getObjectAt(0).toString();
                Optional<Template> t = policy.templates().stream()
                        .filter(x -> policy.templateOid(x)
                                .map(p -> p.value().equals(oid))
                                .orElse(false))
                        .findFirst();
                if (t.isPresent()) {
                    return t.get();
                }
            }
            byte[] name = cert.getExtensionValue(TemplateExtension.TEMPLATE_NAME.getId());
            if (name != null && octets(name) instanceof ASN1String s) {
                return RequestCommand.template(policy, s.getString(), cep);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ClientException(
                    ClientMessage.USAGE, "the old certificate's template extension: " + e.getMessage());
        }
        throw new ClientException(
                ClientMessage.USAGE, "the old certificate names no template the policy offers: give --template");
    }

    private static ASN1Primitive octets(byte[] extensionValue) throws IOException {
        return ASN1Primitive.fromByteArray(org.bouncycastle.asn1.ASN1OctetString.getInstance(extensionValue)
                .getOctets());
    }

    private static Keys.KeySpec sameKind(X509Certificate cert) throws ClientException {
        if (cert.getPublicKey() instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return Keys.KeySpec.parse(bits > 3072 ? "rsa:4096" : bits > 2048 ? "rsa:3072" : "rsa:2048");
        }
        if (cert.getPublicKey() instanceof ECKey ec) {
            return Keys.KeySpec.parse(ec.getParams().getOrder().bitLength() > 256 ? "ec:p384" : "ec:p256");
        }
        return Keys.KeySpec.parse("rsa:2048");
    }
}
