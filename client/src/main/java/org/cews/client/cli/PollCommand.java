package org.cews.client.cli;

import java.net.URI;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.policy.EnrollmentService;

/**
 * {@code enroll poll REFERENCE}: QueryTokenStatus for a pending request at the CES that holds it
 * ([MS-WSTEP] 3.1.4.2.1.2), with the same authentication as the request; writes the certificate
 * when issued.
 */
final class PollCommand {
    static final Set<String> VALUED =
            Set.of("out", "format", "key", "p12-password-env", "p12-password-file", "wait", "interval");
    static final Set<String> FLAGS = Set.of();

    private PollCommand() {}

    /** A reference as {@code enroll request} prints it: {@code REQUESTID@CES-URL}. */
    record Reference(String requestId, URI ces) {
        static Reference parse(String text) throws ClientException {
            int at = text.indexOf('@');
            if (at <= 0 || !text.substring(0, at).chars().allMatch(Character::isDigit)) {
                throw new ClientException(ClientMessage.BAD_REFERENCE, text);
            }
            try {
                return new Reference(
                        text.substring(0, at), Commands.uri(text.substring(at + 1), "the reference's URL"));
            } catch (ClientException e) {
                throw new ClientException(ClientMessage.BAD_REFERENCE, text);
            }
        }
    }

    static ExitCode run(Options o, Session s, Environment env) throws ClientException {
        List<String> pos = o.positional();
        if (pos.size() != 1) {
            throw new ClientException(ClientMessage.USAGE, "enroll poll takes one reference (REQUESTID@CES-URL)");
        }
        Reference ref = Reference.parse(pos.get(0));
        OutputFiles files =
                new OutputFiles(o.value("out").orElse("request-" + ref.requestId()), OutputFiles.format(o), true, env);
        Optional<KeyPair> keys = Optional.empty();
        if (o.path("key").isPresent()) {
            keys = Optional.of(org.cews.client.pki.Pem.keyPair(o.path("key").get()));
        } else if (Files.exists(files.keyFile())) {
            keys = Optional.of(org.cews.client.pki.Pem.keyPair(files.keyFile()));
        }
        EnrollmentService service = s.enrollmentService(s.transport(s.credentials()));
        return new Collector(service, files, keys, s, env)
                .handle(service.poll(ref.requestId(), ref.ces()), o.integer("wait", 0), o.integer("interval", 10));
    }
}
