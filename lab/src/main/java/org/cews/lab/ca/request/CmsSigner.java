package org.cews.lab.ca.request;

import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A SignerInfo of a CMS or CMC request whose signature verified with a certificate the request
 * carries: an old certificate (renewal, [MS-WCCE] 3.2.1.4.2.1.4.2), an enrollment agent
 * (3.2.2.6.2.1.2.1) or another RA (3.2.2.6.2.1.4.5.1). Signatures by the requested key itself are
 * proof of possession and are not listed. Whether the certificate is trusted is the policy's call.
 *
 * @param signedPairs the name-value pairs among its authenticated attributes
 */
public record CmsSigner(X509CertificateHolder certificate, RequestAttributes signedPairs) {}
