package org.cews.lab.ca.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.cews.lab.ca.issue.CaIdentity;
import org.cews.lab.ca.store.RequestRecord;
import org.cews.lab.ca.store.RequestStatus;
import org.cews.lab.ca.store.RequestStore;

/**
 * One CA's revocation: the officer's revoke of an issued certificate, found by request ID or by
 * serial number as certutil -revoke finds it ([MS-CSRA] 3.1.4.1.1 RevokeCertificate: serial and
 * reason); the CA's base CRL ([RFC 5280] §5: v2, signed by the CA key, thisUpdate, nextUpdate,
 * CRL number and authority key identifier, one entry per revoked certificate with its revocation
 * date and reasonCode extension, §5.3.1); and the certificate status its OCSP responder gives
 * ({@link OcspResponder}).
 *
 * <p>Publication: AD CS publishes a base CRL every CRLPeriod and on certutil -crl. The lab
 * publishes at start, right after each revocation (as an officer would run certutil -crl), and
 * again once the current CRL is within a tenth of its period of nextUpdate.
 */
public final class CaRevocation {

    private static final System.Logger LOG = System.getLogger("org.cews.lab.ca.audit");

    /** An issued certificate the CA knows: its request ID, serial and whether it is revoked. */
    public record Issued(int requestId, BigInteger serial, Optional<RevocationStore.Revoked> revoked) {}

    /** What a revoke did. */
    public enum Outcome {
        REVOKED,
        ALREADY_REVOKED,
        NOT_ISSUED
    }

    private final CaIdentity ca;
    private final RequestStore requests;
    private final RevocationStore revoked;
    private final Clock clock;
    private final Duration crlPeriod;
    private final Map<Integer, BigInteger> serials = new HashMap<>();
    private byte[] crl;
    private Instant crlNextUpdate = Instant.MIN;

    public CaRevocation(
            CaIdentity ca, RequestStore requests, RevocationStore revoked, Clock clock, Duration crlPeriod) {
        this.ca = ca;
        this.requests = requests;
        this.revoked = revoked;
        this.clock = clock;
        this.crlPeriod = crlPeriod;
    }

    public String caName() {
        return ca.name();
    }

    public CaIdentity identity() {
        return ca;
    }

    /** The certificate issued under {@code requestId}, if that request was issued. */
    public synchronized Optional<Issued> byRequest(int requestId) {
        return requests.get(requestId).flatMap(this::issued);
    }

    /** The certificate with {@code serial} this CA issued, if any. */
    public synchronized Optional<Issued> bySerial(BigInteger serial) {
        for (RequestRecord row : requests.all()) {
            Optional<Issued> issued = issued(row);
            if (issued.isPresent() && issued.get().serial().equals(serial)) {
                return issued;
            }
        }
        return Optional.empty();
    }

    private Optional<Issued> issued(RequestRecord row) {
        if (row.status() != RequestStatus.ISSUED || row.certificate().isEmpty()) {
            return Optional.empty();
        }
        BigInteger serial = serials.computeIfAbsent(
                row.id(), id -> serialOf(row.certificate().get()));
        return Optional.of(new Issued(row.id(), serial, revoked.find(serial)));
    }

    private static BigInteger serialOf(byte[] der) {
        try {
            return new X509CertificateHolder(der).getSerialNumber();
        } catch (IOException e) {
            throw new IllegalStateException("an issued certificate of the request table does not decode: " + e, e);
        }
    }

    /** Revokes {@code issued} with {@code reason}, effective now, and publishes a new CRL. */
    public synchronized Outcome revoke(Issued issued, RevocationReason reason, String officer) throws IOException {
        Instant now = clock.instant();
        if (!revoked.add(new RevocationStore.Revoked(issued.serial(), issued.requestId(), reason, now, officer))) {
            return Outcome.ALREADY_REVOKED;
        }
        LOG.log(
                System.Logger.Level.INFO,
                () -> String.format(
                        "ca=%s request=%d event=revoke serial=%s reason=%s officer=%s",
                        ca.name(), issued.requestId(), issued.serial().toString(16), reason, officer));
        publish(now);
        return Outcome.REVOKED;
    }

    /** The current base CRL, DER; published anew when it nears its nextUpdate. */
    public synchronized byte[] crl() throws IOException {
        Instant now = clock.instant();
        if (crl == null || !now.isBefore(crlNextUpdate.minus(crlPeriod.dividedBy(10)))) {
            publish(now);
        }
        return crl.clone();
    }

    Duration crlPeriod() {
        return crlPeriod;
    }

    private void publish(Instant now) throws IOException {
        Instant next = now.plus(crlPeriod);
        X509v2CRLBuilder b = new X509v2CRLBuilder(ca.certificate().getSubject(), Date.from(now));
        b.setNextUpdate(Date.from(next));
        for (RevocationStore.Revoked r : revoked.all()) {
            b.addCRLEntry(r.serial(), Date.from(r.when()), r.reason().code());
        }
        try {
            SubjectKeyIdentifier ski =
                    SubjectKeyIdentifier.fromExtensions(ca.certificate().getExtensions());
            if (ski != null) {
                b.addExtension(
                        Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(ski.getKeyIdentifier()));
            }
            BigInteger number = revoked.takeCrlNumber();
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            crl = b.build(ca.signer()).getEncoded();
            crlNextUpdate = next;
            LOG.log(
                    System.Logger.Level.INFO,
                    () -> String.format(
                            "ca=%s event=publish-crl number=%s entries=%d thisUpdate=%s nextUpdate=%s",
                            ca.name(), number, revoked.all().size(), now, next));
        } catch (CertIOException e) {
            throw new IOException("cannot build the CRL: " + e.getMessage(), e);
        }
    }
}
