package org.cews.client.policy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.cews.client.xcep.ClientAuthentication;

/**
 * The local policy cache: per CEP URL, authentication mode and caller, the GetPoliciesResponse as
 * received and when it was fetched. An entry is fresh for nextUpdateHours ([MS-XCEP]
 * 3.1.4.1.3.23; 8 when the server sends none, AD CS's default); its fetch time is the lastUpdate of
 * the next GetPolicies (3.1.4.1.3.9).
 */
public final class PolicyCache {
    /** The hours a policy stays fresh when the server names none. */
    public static final int DEFAULT_NEXT_UPDATE_HOURS = 8;

    private final Path directory;

    public PolicyCache(Path directory) {
        this.directory = directory;
    }

    /** A cached policy: the response envelope as received, when fetched, and how long it stays fresh. */
    public record Entry(byte[] envelope, Instant fetched, int nextUpdateHours) {
        public Instant dueAt() {
            return fetched.plus(Duration.ofHours(nextUpdateHours));
        }

        public boolean fresh(Instant now) {
            return now.isBefore(dueAt());
        }
    }

    public Path file(URI cep, ClientAuthentication mode, String identity) {
        return directory.resolve(key(cep, mode, identity) + ".properties");
    }

    public Optional<Entry> load(URI cep, ClientAuthentication mode, String identity) throws IOException {
        Path f = file(cep, mode, identity);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            return Optional.of(new Entry(
                    java.util.Base64.getDecoder().decode(p.getProperty("payload", "")),
                    Instant.parse(p.getProperty("fetched", "")),
                    Integer.parseInt(p.getProperty("nextUpdateHours", ""))));
        } catch (RuntimeException e) {
            throw new IOException("not a policy cache entry: " + e.getMessage(), e);
        }
    }

    public void store(URI cep, ClientAuthentication mode, String identity, Entry e) throws IOException {
        Files.createDirectories(directory);
        Properties p = new Properties();
        p.setProperty("cep", cep.toString());
        p.setProperty("mode", mode.label());
        p.setProperty("fetched", e.fetched().toString());
        p.setProperty("nextUpdateHours", Integer.toString(e.nextUpdateHours()));
        p.setProperty("payload", java.util.Base64.getEncoder().encodeToString(e.envelope()));
        Path f = file(cep, mode, identity);
        Path tmp = Files.createTempFile(directory, "policy", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "enroll policy cache: the GetPoliciesResponse of " + cep);
        }
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String key(URI cep, ClientAuthentication mode, String identity) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((cep + "\n" + mode.label() + "\n" + identity).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
