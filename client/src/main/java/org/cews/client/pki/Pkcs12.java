package org.cews.client.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;

/** PKCS#12 files (RFC 7292) through the JDK's key store: one key with its certificate chain. */
public final class Pkcs12 {
    private Pkcs12() {}

    /** A key with its chain, leaf first. */
    public record KeyAndChain(PrivateKey key, List<X509Certificate> chain) {
        public KeyAndChain {
            chain = List.copyOf(chain);
        }
    }

    public static KeyAndChain read(Path file, char[] password) throws ClientException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : ks.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new KeyAndChain(key, chain);
                }
            }
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new ClientException(e, ClientMessage.CANNOT_READ, file, e.getMessage());
        }
        throw new ClientException(ClientMessage.NOT_FOUND_IN_FILE, file, "private key entry");
    }

    public static byte[] write(KeyAndChain entry, String alias, char[] password) throws ClientException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, entry.key(), password, entry.chain().toArray(new X509Certificate[0]));
            var out = new java.io.ByteArrayOutputStream();
            try (OutputStream o = out) {
                ks.store(o, password);
            }
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new ClientException(e, ClientMessage.CRYPTO, "write the PKCS#12 file", e.getMessage());
        }
    }
}
