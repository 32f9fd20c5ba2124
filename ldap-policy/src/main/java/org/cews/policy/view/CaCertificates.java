package org.cews.policy.view;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Picks the certificate XCEP sends for a CA from its cACertificate values ([MS-XCEP] 3.1.4.1.3.2:
 * "MUST never be an empty string"; docs/CA-RPC-AD.md §5.4: the newest valid one). Among the values that
 * parse as X.509, the one valid at {@code at} with the latest notBefore; if none is valid then, the
 * one with the latest notBefore (the client judges validity itself). Unparsable values are skipped.
 */
final class CaCertificates {

    private CaCertificates() {}

    record Parsed(byte[] der, X509Certificate certificate) {}

    static Optional<byte[]> pick(List<byte[]> values, Instant at) {
        List<Parsed> parsed = values.stream().flatMap(v -> parse(v).stream()).toList();
        Comparator<Parsed> newest = Comparator.comparing(p -> p.certificate().getNotBefore());
        Date when = Date.from(at);
        Optional<Parsed> valid = parsed.stream()
                .filter(p -> !when.before(p.certificate().getNotBefore())
                        && !when.after(p.certificate().getNotAfter()))
                .max(newest);
        return valid.or(() -> parsed.stream().max(newest)).map(Parsed::der);
    }

    private static Optional<Parsed> parse(byte[] der) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate cert = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            return Optional.of(new Parsed(der, cert));
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
