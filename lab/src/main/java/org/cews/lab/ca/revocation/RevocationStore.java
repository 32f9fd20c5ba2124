package org.cews.lab.ca.revocation;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.cews.lab.ca.store.AtomicFiles;

/**
 * The CA's revoked certificates (AD CS keeps them as the Request table's Request_Disposition
 * "revoked" with Request_Revoked_Reason and Request_Revoked_Effective_When, [MS-CSRA] 3.1.1.1.1):
 * one small properties file per serial under {@code revoked/}, written atomically, and the number
 * of the next CRL ([RFC 5280] §5.2.3: monotonically increasing) in {@code next-crl-number}. Held in
 * memory too.
 */
public final class RevocationStore {

    private static final String CRL_NUMBER = "next-crl-number";

    /** One revoked certificate. */
    public record Revoked(BigInteger serial, int requestId, RevocationReason reason, Instant when, String officer) {}

    private final Path dir;
    private final TreeMap<BigInteger, Revoked> rows = new TreeMap<>();
    private BigInteger nextCrlNumber;

    private RevocationStore(Path dir) {
        this.dir = dir;
    }

    /** Opens (or creates) the store under {@code stateDir}. */
    public static RevocationStore open(Path stateDir) throws IOException {
        RevocationStore store = new RevocationStore(AtomicFiles.directory(stateDir.resolve("revoked")));
        store.load();
        return store;
    }

    private void load() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.revoked")) {
            for (Path f : files) {
                Properties p = new Properties();
                p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
                try {
                    Revoked r = new Revoked(
                            new BigInteger(p.getProperty("serial"), 16),
                            Integer.parseInt(p.getProperty("requestId")),
                            RevocationReason.valueOf(p.getProperty("reason")),
                            Instant.parse(p.getProperty("when")),
                            p.getProperty("officer", "officer"));
                    rows.put(r.serial(), r);
                } catch (RuntimeException e) {
                    throw new IOException(f + ": unreadable revocation record: " + e, e);
                }
            }
        }
        Path number = dir.resolve(CRL_NUMBER);
        nextCrlNumber = Files.exists(number)
                ? new BigInteger(
                        Files.readString(number, StandardCharsets.US_ASCII).strip())
                : BigInteger.ONE;
    }

    /** Records a revocation; false (nothing written) if the serial is revoked already. */
    public synchronized boolean add(Revoked r) throws IOException {
        if (rows.containsKey(r.serial())) {
            return false;
        }
        Properties p = new Properties();
        p.setProperty("serial", r.serial().toString(16));
        p.setProperty("requestId", Integer.toString(r.requestId()));
        p.setProperty("reason", r.reason().name());
        p.setProperty("when", r.when().toString());
        p.setProperty("officer", r.officer());
        StringWriter w = new StringWriter();
        p.store(w, "lab CA revocation");
        AtomicFiles.write(
                dir.resolve(r.serial().toString(16) + ".revoked"), w.toString().getBytes(StandardCharsets.UTF_8));
        rows.put(r.serial(), r);
        return true;
    }

    public synchronized Optional<Revoked> find(BigInteger serial) {
        return Optional.ofNullable(rows.get(serial));
    }

    public synchronized List<Revoked> all() {
        return List.copyOf(rows.values());
    }

    /** Hands out the next CRL number, persisted before it is used. */
    public synchronized BigInteger takeCrlNumber() throws IOException {
        BigInteger n = nextCrlNumber;
        AtomicFiles.write(
                dir.resolve(CRL_NUMBER), n.add(BigInteger.ONE).toString().getBytes(StandardCharsets.US_ASCII));
        nextCrlNumber = n.add(BigInteger.ONE);
        return n;
    }
}
