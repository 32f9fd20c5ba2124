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
        for (LabCa authority : ca.authorities()) {
            directory.publishCaCertificate(authority.name(), certificate(authority));
        }
        return publishAia(ca, LabRealm.CA_HOST, stateDir);
    }

    /**
     * Only the AIA files, {@code aia/<caHost>_<CA name>.crt}, of every CA the engine answers for;
     * returns the first's. For a CA inside a realm whose directory the lab does not write ({@link
     * org.cews.lab.RealmLab}).
     */
    public static Path publishAia(LabCa ca, String caHost, Path stateDir) throws IOException {
        Path first = null;
        for (LabCa authority : ca.authorities()) {
            Path aia = writeAia(authority, caHost, stateDir);
            first = first == null ? aia : first;
        }
        return first;
    }

    private static Path writeAia(LabCa ca, String caHost, Path stateDir) throws IOException {
        Path aia = stateDir.resolve("aia").resolve(AdNames.aiaFileName(caHost, ca.name()));
        Files.createDirectories(aia.getParent());
        try {
            Files.write(aia, certificate(ca).getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IOException("CA certificate cannot be encoded: " + e.getMessage(), e);
        }
        return aia;
    }

    private static X509Certificate certificate(LabCa ca) {
        List<X509Certificate> chain = ca.chain();
        if (chain.isEmpty()) {
            throw new IllegalStateException(
                    "CA " + ca.name() + " chain (expected: its certificate first, actual: empty)");
        }
        return chain.get(0);
    }
}
