package org.cews.epa;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** The test certificates under src/test/resources/rfc5929, made with openssl 3.0. */
public final class Fixtures {
    private Fixtures() {}

    public static X509Certificate certificate(String file) throws Exception {
        try (InputStream in = Fixtures.class.getResourceAsStream("/rfc5929/" + file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
