package org.cews.wcce.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.RequestFormat;
import org.cews.wcce.cmc.AgentCredential;
import org.cews.wcce.cmc.OnBehalfOfException;
import org.cews.wcce.cmc.OnBehalfOfSigner;
import org.cews.wcce.cmc.RequestAttributeNames;

/**
 * Enrollment-agent mode (docs/ARCHITECTURE.md §4.2b): the connector signs a request marked {@link
 * EnrollmentRequest#onBehalfOf} with its Enrollment Agent certificate ({@link OnBehalfOfSigner},
 * [MS-WCCE] 3.1.1.4.3.3.3) and submits the CMC as its own account.
 *
 * <p>The credential comes from a PKCS#12 key store: the key entry named by the alias, or its only
 * key entry. It is read at the first signature and read again when the file changes, so an
 * administrator renews the agent certificate by replacing the file. An agent certificate that is
 * not valid now signs nothing: the CA would refuse it, and the message here says what to do.
 */
public final class EnrollmentAgent {

    private final Path keyStore;
    private final char[] password;
    private final String alias;
    private final Clock clock;
    private FileTime loadedVersion;
    private AgentCredential loaded;

    /** {@code alias} may be null: the key store's only key entry. */
    public EnrollmentAgent(Path keyStore, char[] password, String alias, Clock clock) {
        this.keyStore = keyStore;
        this.password = password.clone();
        this.alias = alias == null || alias.isBlank() ? null : alias;
        this.clock = clock;
    }

    /** The CMC the CA gets for {@code request}, which must be marked on behalf of someone. */
    public EnrollmentRequest sign(EnrollmentRequest request) throws CaException {
        if (!request.isOnBehalfOf()) {
            throw new IllegalArgumentException("the request is not marked on behalf of anyone");
        }
        AgentCredential agent = current();
        try {
            // Only attributes the CES decided, from an allow-list, go with what the agent signs.
            Map<String, String> attributes = RequestAttributeNames.forwarded(request.attributes());
            byte[] cmc = new OnBehalfOfSigner(agent).sign(request.request(), request.onBehalfOf(), attributes);
            return new EnrollmentRequest(RequestFormat.CMC, cmc, attributes, request.fullResponse());
        } catch (OnBehalfOfException e) {
            throw new CaException(
                    "the enrollment agent cannot sign the request on behalf of " + request.onBehalfOf() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The credential, read again if the file changed; refused unless valid now. */
    public synchronized AgentCredential current() throws CaException {
        FileTime version;
        try {
            version = Files.getLastModifiedTime(keyStore);
        } catch (IOException e) {
            throw new CaException(
                    "enrollment agent key store " + keyStore + " (expected: a PKCS#12 file, actual: "
                            + e.getClass().getSimpleName() + " " + e.getMessage() + ")",
                    e);
        }
        if (loaded == null || !version.equals(loadedVersion)) {
            loaded = load();
            loadedVersion = version;
        }
        Instant now = clock.instant();
        if (!loaded.validAt(now)) {
            X509Certificate c = loaded.certificate();
            throw new CaException("the enrollment agent certificate " + c.getSubjectX500Principal() + " in " + keyStore
                    + " is not valid now (" + now + "; valid "
                    + c.getNotBefore().toInstant() + " to "
                    + c.getNotAfter().toInstant() + "): enroll a new one and replace the key store");
        }
        return loaded;
    }

    private AgentCredential load() throws CaException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(keyStore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new CaException(
                    "enrollment agent key store " + keyStore + " (expected: PKCS#12 opened by the"
                            + " configured password, actual: " + e.getMessage() + ")",
                    e);
        }
        try {
            String entry = alias != null ? alias : onlyKeyEntry(store);
            Key key = store.isKeyEntry(entry) ? store.getKey(entry, password) : null;
            if (!(key instanceof PrivateKey privateKey)) {
                throw new CaException("enrollment agent key store " + keyStore + " entry " + entry
                        + " (expected: a private key with its certificate chain, actual: "
                        + (store.containsAlias(entry) ? "no private key" : "no such alias") + ")");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : store.getCertificateChain(entry)) {
                chain.add((X509Certificate) c);
            }
            return AgentCredential.of(privateKey, chain);
        } catch (GeneralSecurityException | OnBehalfOfException e) {
            throw new CaException("enrollment agent key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    private String onlyKeyEntry(KeyStore store) throws GeneralSecurityException, CaException {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keys.add(a);
            }
        }
        if (keys.size() != 1) {
            throw new CaException("enrollment agent key store " + keyStore
                    + " key entries (expected: one, or an alias configured, actual: " + keys + ")");
        }
        return keys.get(0);
    }
}
