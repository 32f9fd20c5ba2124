package org.cews.client.wstep;

import java.net.URI;
import java.util.Optional;

/** What a CES answered with a RequestSecurityTokenResponseCollection ([MS-WSTEP] 3.1.4.1.3.2). */
public sealed interface EnrollmentOutcome {

    String requestId();

    String disposition();

    /**
     * The certificate was issued: the end-entity certificate (RequestedSecurityToken, DER) and the
     * CMC full response or PKCS#7 that carries the chain, when sent.
     */
    record Issued(String requestId, String disposition, byte[] certificate, Optional<byte[]> pkcs7)
            implements EnrollmentOutcome {
        public Issued {
            certificate = certificate.clone();
            pkcs7 = pkcs7.map(byte[]::clone);
        }

        @Override
        public byte[] certificate() {
            return certificate.clone();
        }
    }

    /** The CA holds the request: collect it later at {@code reference} with QueryTokenStatus. */
    record Pending(String requestId, String disposition, URI reference) implements EnrollmentOutcome {
        /** The reference {@code enroll request} prints and {@code enroll poll} takes: {@code ID@URL}. */
        public String token() {
            return requestId + "@" + reference;
        }
    }
}
