package org.cews.client.auth;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.xcep.ClientAuthentication;

/**
 * A TLS client certificate ([MS-WSTEP] 3.1.1.1.2: authentication at the transport; no message
 * signature, as cepces and AD CS do). Key-based renewal uses the certificate being renewed.
 */
public final class ClientCertificate implements ClientCredentials {
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    public ClientCertificate(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a client certificate needs its certificate");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    @Override
    public ClientAuthentication mode() {
        return ClientAuthentication.CERTIFICATE;
    }

    @Override
    public String identity() {
        return chain.get(0).getSubjectX500Principal().getName() + "#"
                + chain.get(0).getSerialNumber().toString(16);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public PrivateKey key() {
        return key;
    }

    @Override
    public Optional<KeyManager[]> keyManagers() throws ClientException {
        try {
            char[] pw = new char[0];
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", key, pw, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            return Optional.of(kmf.getKeyManagers());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new ClientException(e, ClientMessage.CLIENT_CERTIFICATE, e.getMessage());
        }
    }

    /** Checks that the key belongs to the certificate, so TLS does not fail obscurely later. */
    public static ClientCertificate of(PrivateKey key, List<X509Certificate> chain, String keySource, String certSource)
            throws ClientException {
        if (!org.cews.client.pki.Keys.matches(key, chain.get(0).getPublicKey())) {
            throw new ClientException(ClientMessage.KEY_MISMATCH, keySource, certSource);
        }
        return new ClientCertificate(key, chain);
    }
}
