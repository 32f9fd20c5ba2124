package org.cews.lab;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.cews.lab.ca.LabCa;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.CertTransBlob;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * A stand-in CA for the runtime's tests: records every call, issues its own self-signed
 * certificate as the "issued" one, and pends requests for the LabPendAll template until the officer
 * decides. It knows nothing of policy; the real engine is another package's.
 */
public final class FakeLabCa implements LabCa {

    public static final String NAME = "Lab-Issuing-CA";

    /** One CertServerRequest as the CA saw it. */
    public record Call(CertServerRequest request, RpcPrincipal caller) {}

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final List<String> decisions = new CopyOnWriteArrayList<>();
    private final List<PendingRequest> pending = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final X509Certificate certificate;
    /** What the lab handed over, when it made this CA through {@link LabCaFactories}. */
    public final LabCaContext context;

    /** The constructor {@link LabCaFactories} looks for on a named CA class. */
    public FakeLabCa(LabCaContext context) {
        this.context = context;
        this.certificate = selfSigned();
    }

    public FakeLabCa() {
        this(null);
    }

    private static X509Certificate selfSigned() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("DC=example,DC=lab,CN=" + NAME);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(now.getEpochSecond()),
                    Date.from(now.minus(1, ChronoUnit.HOURS)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)),
                    name,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static LabCaFactory factory(FakeLabCa ca) {
        return context -> ca;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<X509Certificate> chain() {
        return List.of(certificate);
    }

    @Override
    public CertServerRequestResponse process(CertServerRequest request, RpcPrincipal caller) {
        calls.add(new Call(request, caller));
        int id = request.isRetrieval() ? request.requestId() : nextId.getAndIncrement();
        if (request.attributes().contains("CertificateTemplate:LabPendAll")) {
            pending.add(new PendingRequest(NAME, id, caller.toString(), "LabPendAll", Instant.now()));
            return new CertServerRequestResponse(
                    id, Disposition.UNDER_SUBMISSION, null, null, "Taken Under Submission", HResult.S_OK);
        }
        try {
            CertTransBlob der = new CertTransBlob(certificate.getEncoded());
            return new CertServerRequestResponse(id, Disposition.ISSUED, der, der, "Issued", HResult.S_OK);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<PendingRequest> pending() {
        return new ArrayList<>(pending);
    }

    @Override
    public boolean approve(int requestId, String officer) {
        return decide(requestId, officer, "approved");
    }

    @Override
    public boolean deny(int requestId, String officer) {
        return decide(requestId, officer, "denied");
    }

    private boolean decide(int requestId, String officer, String what) {
        boolean removed = pending.removeIf(p -> p.requestId() == requestId);
        if (removed) {
            decisions.add(requestId + " " + what + " by " + officer);
        }
        return removed;
    }
}
