package org.cews.lab.directory;

import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.cews.lab.LabRealm;
import org.cews.lab.ca.LabCa;

/**
 * Publishes the lab CA's certificate where AD CS publishes an enterprise CA's: in its
 * pKIEnrollmentService object ({@link EmbeddedDirectory#publishCaCertificate}) and as a DER file
 * in the AIA folder of the lab's state directory, {@code aia/ca.lab.example_<CA name>.crt}, for each
 * CA the lab's engine answers for.
 */
public final class CaPublication {

    private CaPublication() {}

    /**
     * Publishes every CA the engine answers for ({@link LabCa#authorities()}); returns the AIA
     * file of the first, the lab's main CA.
     */
    public static Path publish(EmbeddedDirectory directory, LabCa ca, Path stateDir) throws LDAPException, IOException {
        Path first = null;
        for (LabCa authority : ca.authorities()) {
            Path aia = publishOne(directory, authority, stateDir);
            first = first == null ? aia : first;
        }
        return first;
    }

    private static Path publishOne(EmbeddedDirectory directory, LabCa ca, Path stateDir)
            throws LDAPException, IOException {
        List<X509Certificate> chain = ca.chain();
        if (chain.isEmpty()) {
            throw new IllegalStateException(
                    "CA " + ca.name() + " chain (expected: its certificate first, actual: empty)");
        }
        X509Certificate certificate = chain.get(0);
        directory.publishCaCertificate(ca.name(), certificate);
        Path aia = stateDir.resolve("aia").resolve(AdNames.aiaFileName(LabRealm.CA_HOST, ca.name()));
        Files.createDirectories(aia.getParent());
        try {
            Files.write(aia, certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IOException("CA certificate cannot be encoded: " + e.getMessage(), e);
        }
        return aia;
    }
}
