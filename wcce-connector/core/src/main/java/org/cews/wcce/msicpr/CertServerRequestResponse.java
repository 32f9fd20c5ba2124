package org.cews.wcce.msicpr;

import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.ndr.NdrReader;
import org.cews.wcce.ndr.NdrWriter;

/**
 * [MS-ICPR] 3.2.4.1.1 CertServerRequest (Opnum 0): the {@code [out]} parameters and the return
 * value (IDL in {@link CertServerRequest}).
 *
 * <pre>
 * pdwRequestId            u32
 * pdwDisposition          u32
 * pctbCert                cb, pb referent id; max_count (= cb), cb bytes
 * pctbEncodedCert         cb, pb referent id; max_count (= cb), cb bytes
 * pctbDispositionMessage  cb, pb referent id; max_count (= cb), cb bytes
 * return value            u32
 * </pre>
 *
 * {@code cert} is [MS-WCCE]'s pctbCertChain: a CMS certs-only with the chain, or a CMC full PKI
 * response. {@code encodedCert} is the DER X.509 certificate. {@code dispositionMessage} is
 * UTF-16LE with NUL on the wire ([MS-WCCE] 2.2.2.2.1); the empty string is the empty blob.
 */
public record CertServerRequestResponse(
        int requestId,
        Disposition disposition,
        CertTransBlob cert,
        CertTransBlob encodedCert,
        String dispositionMessage,
        HResult returnValue) {

    public CertServerRequestResponse {
        if (disposition == null || returnValue == null) {
            throw new IllegalArgumentException("disposition and returnValue are required");
        }
        cert = cert == null ? CertTransBlob.EMPTY : cert;
        encodedCert = encodedCert == null ? CertTransBlob.EMPTY : encodedCert;
        dispositionMessage = dispositionMessage == null ? "" : dispositionMessage;
        CertTransBlob.ofString(dispositionMessage); // rejects an embedded NUL now
    }

    /** The server side: what the lab CA emulator answers. */
    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        w.u32(requestId);
        w.u32(disposition.code());
        cert.write(w);
        w.flushDeferred();
        encodedCert.write(w);
        w.flushDeferred();
        CertTransBlob.ofString(dispositionMessage).write(w);
        w.flushDeferred();
        w.u32(returnValue.code());
        return w.toByteArray();
    }

    public static CertServerRequestResponse decode(byte[] stub) throws NdrException {
        NdrReader r = new NdrReader(stub);
        int requestId = r.u32("pdwRequestId");
        Disposition disposition = new Disposition(r.u32("pdwDisposition"));
        CertTransBlob cert = CertTransBlob.read(r, "pctbCert");
        CertTransBlob encodedCert = CertTransBlob.read(r, "pctbEncodedCert");
        CertTransBlob message = CertTransBlob.read(r, "pctbDispositionMessage");
        HResult returnValue = new HResult(r.u32("return value"));
        r.expectEnd();
        return new CertServerRequestResponse(
                requestId,
                disposition,
                cert,
                encodedCert,
                message.toUnicodeString("pctbDispositionMessage"),
                returnValue);
    }
}
