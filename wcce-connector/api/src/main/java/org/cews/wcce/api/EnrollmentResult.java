package org.cews.wcce.api;

/**
 * What the CA decided about a request ([MS-WCCE] 3.2.1.4.2.1 dispositions): issued, pending an
 * officer, or refused with an HRESULT. Every result carries the CA's request id, which a pending
 * request is later retrieved by, and the name of the CA that answered, {@code caName}: with several
 * CAs configured, the one that issued, holds or denied the request.
 */
public sealed interface EnrollmentResult {

    int requestId();

    /** The CA's own words (the disposition message), possibly empty. */
    String message();

    /**
     * The CA that answered, by its name as AD CS knows it: the {@code pwszAuthority} the request
     * was sent to ([MS-ICPR] 3.2.4.1.1).
     */
    String caName();

    private static void requireCaName(String caName, String what) {
        if (caName == null || caName.isBlank()) {
            throw new IllegalArgumentException(what + " needs the name of the CA that answered");
        }
    }

    /**
     * CR_DISP_ISSUED: the DER certificate, and either a PKCS#7 certs-only with the chain or a CMC
     * full PKI response, as requested.
     */
    record Issued(int requestId, byte[] certificate, byte[] chainOrFullResponse, String message, String caName)
            implements EnrollmentResult {
        public Issued {
            requireCaName(caName, "an issued result");
            certificate = certificate.clone();
            chainOrFullResponse = chainOrFullResponse.clone();
        }

        @Override
        public byte[] certificate() {
            return certificate.clone();
        }

        @Override
        public byte[] chainOrFullResponse() {
            return chainOrFullResponse.clone();
        }
    }

    /**
     * CR_DISP_UNDER_SUBMISSION: an officer must decide; retrieve it later by request id from the CA
     * that holds it, {@code caName} (the CA's name as AD CS knows it, the {@code pwszAuthority} of
     * [MS-ICPR] 3.2.4.1.1): a request id means nothing to another CA ([MS-WCCE] 3.2.1.4.2.1.4.1.3),
     * so pass both to {@link CaConnection#retrieve(String, int, boolean)}.
     */
    record Pending(int requestId, String message, String caName) implements EnrollmentResult {
        public Pending {
            requireCaName(caName, "a pending request");
        }
    }

    /**
     * Denied or failed: the HRESULT says why (for example 0x80094012 CERTSRV_E_TEMPLATE_DENIED),
     * as a Windows client would show it.
     */
    record Denied(int requestId, int hresult, String message, String caName) implements EnrollmentResult {

        public Denied {
            requireCaName(caName, "a denial");
        }

        public String hresultHex() {
            return String.format("0x%08X", hresult);
        }
    }
}
