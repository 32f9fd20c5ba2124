package org.cews.wcce.msicpr;

import org.cews.wcce.ndr.NdrException;
import org.cews.wcce.ndr.NdrReader;
import org.cews.wcce.ndr.NdrWriter;

/**
 * [MS-ICPR] 3.2.4.1.1 CertServerRequest (Opnum 0): the {@code [in]} parameters.
 *
 * <pre>
 * DWORD CertServerRequest(
 *     [in] handle_t h,
 *     [in] DWORD dwFlags,
 *     [in, string, unique] const wchar_t *pwszAuthority,
 *     [in, out, ref] DWORD *pdwRequestId,
 *     [out] DWORD *pdwDisposition,
 *     [in, ref] const CERTTRANSBLOB *pctbAttribs,
 *     [in, ref] const CERTTRANSBLOB *pctbRequest,
 *     [out, ref] CERTTRANSBLOB *pctbCert,
 *     [out, ref] CERTTRANSBLOB *pctbEncodedCert,
 *     [out, ref] CERTTRANSBLOB *pctbDispositionMessage);
 * </pre>
 *
 * The request stub, each top-level parameter followed by its deferred pointees:
 *
 * <pre>
 * dwFlags        u32
 * pwszAuthority  referent id; max_count, offset 0, actual_count, UTF-16LE with NUL
 * pdwRequestId   u32 ([ref]: the value, no referent id)
 * pctbAttribs    cb, pb referent id; max_count (= cb), cb bytes
 * pctbRequest    cb, pb referent id; max_count (= cb), cb bytes
 * </pre>
 *
 * {@code attributes} travel as UTF-16LE with the NUL, which {@code cb} counts; the empty string
 * is the empty blob. {@code authority} {@code null} is a NULL pointer. A retrieval (status
 * inspection, [MS-WCCE] 3.2.1.4.2.1.4.1.3) is an empty {@code request} with the request id.
 * {@link #decode} requires the stub to be consumed exactly.
 */
public record CertServerRequest(
        RequestFlags flags, String authority, int requestId, String attributes, CertTransBlob request) {

    public CertServerRequest {
        if (flags == null) {
            throw new IllegalArgumentException("flags is required (use RequestFlags.NONE)");
        }
        attributes = attributes == null ? "" : attributes;
        request = request == null ? CertTransBlob.EMPTY : request;
        if (authority != null && authority.indexOf('\0') >= 0 || attributes.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("authority and attributes cannot hold NUL");
        }
    }

    /** A new request: request id 0 and the DER (PKCS#10, CMS or CMC) in {@code pctbRequest}. */
    public static CertServerRequest submit(RequestFlags flags, String authority, String attributes, byte[] der) {
        return new CertServerRequest(flags, authority, 0, attributes, new CertTransBlob(der));
    }

    /** Status inspection of request {@code requestId}: no attributes, an empty request blob. */
    public static CertServerRequest retrieve(RequestFlags flags, String authority, int requestId) {
        return new CertServerRequest(flags, authority, requestId, "", CertTransBlob.EMPTY);
    }

    /** An empty {@code pctbRequest} asks for status inspection rather than a new request. */
    public boolean isRetrieval() {
        return request.isEmpty();
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter();
        w.u32(flags.value());
        w.uniquePointer(authority == null ? null : x -> x.conformantVaryingString(authority));
        w.flushDeferred();
        w.u32(requestId);
        CertTransBlob.ofString(attributes).write(w);
        w.flushDeferred();
        request.write(w);
        w.flushDeferred();
        return w.toByteArray();
    }

    /** The server side: what the lab CA emulator receives. */
    public static CertServerRequest decode(byte[] stub) throws NdrException {
        NdrReader r = new NdrReader(stub);
        RequestFlags flags = new RequestFlags(r.u32("dwFlags"));
        String authority = r.referentId("pwszAuthority") == 0 ? null : r.conformantVaryingString("pwszAuthority");
        int requestId = r.u32("pdwRequestId");
        CertTransBlob attribs = CertTransBlob.read(r, "pctbAttribs");
        CertTransBlob request = CertTransBlob.read(r, "pctbRequest");
        r.expectEnd();
        return new CertServerRequest(flags, authority, requestId, attribs.toUnicodeString("pctbAttribs"), request);
    }
}
