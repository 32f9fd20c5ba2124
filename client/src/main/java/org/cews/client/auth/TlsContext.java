package org.cews.client.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.pki.Pem;

/**
 * The TLS context: the server is trusted through the CA certificates of a PEM file when one is
 * given, else through the JVM's default trust store; the client certificate, when the mode has
 * one, is offered in the handshake. Host names are checked by the HTTP client as always.
 */
public final class TlsContext {
    private TlsContext() {}

    public static SSLContext create(Optional<Path> caFile, Optional<KeyManager[]> keyManagers) throws ClientException {
        try {
            TrustManager[] trust = null;
            if (caFile.isPresent()) {
                List<X509Certificate> cas = Pem.certificates(caFile.get());
                if (cas.isEmpty()) {
                    throw new ClientException(ClientMessage.NOT_FOUND_IN_FILE, caFile.get(), "PEM certificate");
                }
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                for (int i = 0; i < cas.size(); i++) {
                    ks.setCertificateEntry("ca" + i, cas.get(i));
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                trust = tmf.getTrustManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers.orElse(null), trust, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new ClientException(
                    e,
                    ClientMessage.CANNOT_READ,
                    caFile.map(Path::toString).orElse("the JVM trust store"),
                    e.getMessage());
        }
    }
}
