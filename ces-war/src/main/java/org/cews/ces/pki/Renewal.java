package org.cews.ces.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A renewal whose signature, issuer and validity held ({@link RenewalVerifier}): the certificate
 * being renewed, and the template it was issued from, as its extensions name it.
 */
public record Renewal(X509Certificate certificate, Optional<TemplateReference> template) {}
