package org.cews.lab.ca.revocation;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.cews.lab.ca.Bc;

/**
 * The CA's OCSP responder ([RFC 6960]), signing with the CA key itself (§4.2.2.2: the CA that
 * issued the certificate in question needs no delegation): for each CertID of the request
 * (§4.1.1) whose issuer name and key hashes are this CA's, "good" for a certificate it issued and
 * did not revoke, "revoked" with the revocation time and reason (§4.2.1) for one it revoked, and
 * "unknown" for serials it never issued and for other issuers' CertIDs. thisUpdate is now,
 * nextUpdate the CRL period ahead (§4.2.2.1); a nonce (§4.4.1) is echoed. A request that does not
 * decode is answered malformedRequest (§4.2.1), never an error.
 */
public final class OcspResponder {

    private final CaRevocation ca;
    private final Clock clock;

    public OcspResponder(CaRevocation ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    /** The DER OCSPResponse for the DER OCSPRequest {@code request}. */
    public byte[] answer(byte[] request) throws IOException {
        OCSPReq req;
        try {
            req = new OCSPReq(request);
        } catch (IOException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Instant now = clock.instant();
        X509CertificateHolder caCert = ca.identity().certificate();
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder()
                    .setProvider(Bc.PROVIDER)
                    .build();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(caCert.getSubject()));
            for (Req one : req.getRequestList()) {
                CertificateID id = one.getCertID();
                builder.addResponse(
                        id,
                        id.matchesIssuer(caCert, digests) ? statusOf(id) : new UnknownStatus(),
                        Date.from(now),
                        Date.from(now.plus(ca.crlPeriod())),
                        null);
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic =
                    builder.build(ca.identity().signer(), new X509CertificateHolder[] {caCert}, Date.from(now));
            return new OCSPRespBuilder()
                    .build(OCSPRespBuilder.SUCCESSFUL, basic)
                    .getEncoded();
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
    }

    private CertificateStatus statusOf(CertificateID id) {
        Optional<CaRevocation.Issued> issued = ca.bySerial(id.getSerialNumber());
        if (issued.isEmpty()) {
            return new UnknownStatus();
        }
        if (issued.get().revoked().isPresent()) {
            RevocationStore.Revoked r = issued.get().revoked().get();
            return new RevokedStatus(Date.from(r.when()), r.reason().code());
        }
        return CertificateStatus.GOOD;
    }

    private static byte[] status(int status) throws IOException {
        try {
            OCSPResp resp = new OCSPRespBuilder().build(status, null);
            return resp.getEncoded();
        } catch (OCSPException e) {
            throw new IOException("cannot encode an OCSP status: " + e.getMessage(), e);
        }
    }
}
