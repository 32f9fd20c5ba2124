package org.cews.lab.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.RequestFlags;

/** CertServerRequest calls as the RPC server hands them over, and assertions on the answers. */
final class Calls {

    private Calls() {}

    static CertServerRequest submit(String attributes, byte[] der) {
        return CertServerRequest.submit(RequestFlags.NONE, LabCaFixture.CA, attributes, der);
    }

    static CertServerRequest submit(RequestFlags flags, String attributes, byte[] der) {
        return CertServerRequest.submit(flags, LabCaFixture.CA, attributes, der);
    }

    static CertServerRequest retrieve(int id) {
        return CertServerRequest.retrieve(RequestFlags.NONE, LabCaFixture.CA, id);
    }

    /** Asserts issuance (3, return 0) and returns the certificate. */
    static X509CertificateHolder issued(CertServerRequestResponse r) throws Exception {
        assertEquals(Disposition.ISSUED, r.disposition(), r.dispositionMessage());
        assertEquals(HResult.S_OK, r.returnValue());
        return new X509CertificateHolder(r.encodedCert().bytes());
    }

    /** Asserts a refusal carried in the disposition, as for new requests. */
    static void refused(CertServerRequestResponse r, HResult expected) {
        assertEquals(new Disposition(expected.code()), r.disposition(), r.dispositionMessage());
        assertEquals(HResult.S_OK, r.returnValue());
        assertEquals(0, r.encodedCert().length());
    }
}
