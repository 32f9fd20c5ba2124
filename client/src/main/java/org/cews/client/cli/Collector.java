package org.cews.client.cli;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.pki.Chain;
import org.cews.client.pki.Keys;
import org.cews.client.pki.Pem;
import org.cews.client.policy.EnrollmentService;
import org.cews.client.wstep.EnrollmentOutcome;

/**
 * What happens with an answer: an issued certificate is checked against the key and written with
 * its chain; a pending request prints its reference and, with {@code --wait}, is polled every
 * {@code --interval} seconds with a progress line until it is issued, refused or the wait ends.
 */
final class Collector {
    private final EnrollmentService service;
    private final OutputFiles files;
    private final Optional<KeyPair> keys;
    private final Session session;
    private final Environment env;

    Collector(EnrollmentService service, OutputFiles files, Optional<KeyPair> keys, Session session, Environment env) {
        this.service = service;
        this.files = files;
        this.keys = keys;
        this.session = session;
        this.env = env;
    }

    ExitCode handle(EnrollmentOutcome outcome, int waitSeconds, int intervalSeconds) throws ClientException {
        Instant deadline = env.clock().instant().plusSeconds(waitSeconds);
        int attempt = 0;
        while (outcome instanceof EnrollmentOutcome.Pending p) {
            Duration left = Duration.between(env.clock().instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            attempt++;
            Duration pause = left.compareTo(Duration.ofSeconds(intervalSeconds)) < 0
                    ? left
                    : Duration.ofSeconds(Math.max(intervalSeconds, 1));
            env.err()
                    .println(ClientMessage.WAITING.format(p.requestId(), p.reference(), pause.toSeconds(), deadline)
                            + " [poll " + attempt + "]");
            try {
                env.sleeper().sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            outcome = service.poll(p.requestId(), p.reference());
        }
        if (outcome instanceof EnrollmentOutcome.Pending p) {
            env.out()
                    .println("pending: request " + p.requestId() + " at " + p.reference()
                            + (p.disposition().isEmpty() ? "" : " (" + p.disposition() + ")"));
            env.out().println("reference: " + p.token());
            return ExitCode.PENDING;
        }
        EnrollmentOutcome.Issued issued = (EnrollmentOutcome.Issued) outcome;
        X509Certificate cert = Pem.x509(issued.certificate());
        if (keys.isPresent() && !Keys.matches(keys.get().getPrivate(), cert.getPublicKey())) {
            throw new ClientException(
                    ClientMessage.BAD_VALUE,
                    "the issued certificate",
                    "the CES",
                    "its public key is not the request's (request " + issued.requestId() + ")");
        }
        List<X509Certificate> chain = Chain.above(cert, issued.pkcs7());
        env.out().println("issued: request " + issued.requestId());
        env.out().println("subject: " + cert.getSubjectX500Principal().getName());
        env.out().println("issuer: " + cert.getIssuerX500Principal().getName());
        env.out().println("serial: " + cert.getSerialNumber().toString(16));
        env.out()
                .println("valid: " + cert.getNotBefore().toInstant() + " to "
                        + cert.getNotAfter().toInstant());
        files.writeCertificate(cert, chain, keys, session);
        return ExitCode.OK;
    }
}
