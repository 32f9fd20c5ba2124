package org.cews.client.cli;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.cews.client.ClientException;
import org.cews.client.http.SoapTransport;
import org.cews.client.pki.Pem;
import org.cews.client.xcep.CaUri;
import org.cews.client.xcep.CertificationAuthority;
import org.cews.client.xcep.ClientAuthentication;
import org.cews.client.xcep.EnrollmentPolicy;
import org.cews.client.xcep.PolicyOid;
import org.cews.client.xcep.Template;

/** {@code enroll templates --cep URL}: each template the caller is offered, with its CAs and their CES URIs. */
final class TemplatesCommand {
    static final Set<String> VALUED = Set.of("cep");
    static final Set<String> FLAGS = Set.of();

    private TemplatesCommand() {}

    static ExitCode run(Options o, Session s, Environment env) throws ClientException {
        URI cep = Commands.uri(o.required("cep"), "--cep");
        SoapTransport t = s.transport(s.credentials());
        EnrollmentPolicy p = s.policyService(t).policy(cep, s.refresh());
        env.out()
                .println("policy " + p.policyId()
                        + (p.friendlyName().isEmpty() ? "" : " \"" + p.friendlyName() + "\"")
                        + " from " + cep
                        + p.nextUpdateHours().stream()
                                .mapToObj(h -> " (next update in " + h + " h)")
                                .findFirst()
                                .orElse(""));
        if (p.templates().isEmpty()) {
            env.out().println("no templates");
        }
        for (Template tp : p.templates()) {
            String oid = p.templateOid(tp)
                    .map(x -> x.defaultName().map(n -> n + ", ").orElse("") + x.value())
                    .orElse("no OID");
            env.out()
                    .println("template " + tp.commonName() + " (" + oid + "): schema " + tp.policySchema()
                            + ", version " + tp.majorRevision() + "." + tp.minorRevision()
                            + ", enroll " + yesNo(tp.enroll()) + ", autoenroll " + yesNo(tp.autoEnroll())
                            + ", minimal key " + tp.minimalKeyLength()
                            + p.oid(tp.algorithmOidReference().orElse(Integer.MIN_VALUE))
                                    .map(PolicyOid::value)
                                    .map(a -> " (" + a + ")")
                                    .orElse(""));
            if (tp.caReferences().isEmpty()) {
                env.out().println("  no CA issues it");
            }
            for (CertificationAuthority ca : p.casOf(tp)) {
                env.out().println("  CA " + caName(ca) + ": enroll " + yesNo(ca.enrollPermission()));
                for (CaUri u : ca.uris()) {
                    env.out()
                            .println("    priority "
                                    + (u.priority().isPresent()
                                            ? Integer.toUnsignedString(
                                                    u.priority().getAsInt())
                                            : "-")
                                    + "  " + ClientAuthentication.describe(u.clientAuthentication())
                                    + "  " + u.uri() + (u.renewalOnly() ? "  (renewal only)" : ""));
                }
            }
        }
        return ExitCode.OK;
    }

    static String caName(CertificationAuthority ca) {
        try {
            X509Certificate c = Pem.x509(ca.certificate());
            return c.getSubjectX500Principal().getName();
        } catch (ClientException e) {
            return "(reference " + ca.referenceId() + ", no readable certificate)";
        }
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
