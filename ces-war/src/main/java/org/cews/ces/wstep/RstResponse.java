package org.cews.ces.wstep;

import java.net.URI;

/**
 * What a RequestSecurityTokenResponseCollection answers ([MS-WSTEP] 3.1.4.2.1.1-2): a certificate,
 * or a request the CA holds for an officer. A denial is never one of these: it is a
 * {@link WstepFault} (cepces asserts on an RSTR without certificate or reference, docs/WSTEP.md
 * §4).
 */
public sealed interface RstResponse {

    /** The CA's request id: positive (Windows reads 0 as "no id"; cepces parses an unsigned int). */
    int requestId();

    /** DispositionMessage text. */
    String disposition();

    private static void requirePositive(int requestId) {
        if (requestId <= 0) {
            throw new IllegalArgumentException("RequestID must be positive (actual: " + requestId + ")");
        }
    }

    /**
     * Issued: the PKCS#7 BinarySecurityToken ({@code pkcs7}: the CA's CMC full response, or a
     * certs-only PKCS#7 with the chain) and the certificate alone, DER.
     */
    record Issued(int requestId, String disposition, byte[] pkcs7, byte[] certificate) implements RstResponse {
        public Issued {
            requirePositive(requestId);
            if (pkcs7.length == 0 || certificate.length == 0) {
                throw new IllegalArgumentException("an issued answer needs the PKCS#7 and the certificate");
            }
            pkcs7 = pkcs7.clone();
            certificate = certificate.clone();
        }

        @Override
        public byte[] pkcs7() {
            return pkcs7.clone();
        }

        @Override
        public byte[] certificate() {
            return certificate.clone();
        }
    }

    /**
     * Pending: {@code reference} is where the client asks again (QueryTokenStatus), this CES's own
     * URI ([MS-WSTEP] 3.1.4.1.3.2).
     */
    record Pending(int requestId, String disposition, URI reference) implements RstResponse {
        public Pending {
            requirePositive(requestId);
            if (reference == null || !reference.isAbsolute()) {
                throw new IllegalArgumentException("a pending answer needs an absolute reference URI");
            }
        }
    }
}
