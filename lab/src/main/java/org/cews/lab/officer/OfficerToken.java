package org.cews.lab.officer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.cews.lab.ca.store.AtomicFiles;

/**
 * The secret an officer shows the lab's officer endpoint (issue 11 item 7): 32 random bytes,
 * base64url, made anew at each lab start and kept in the state directory as {@value #FILE}, owner
 * only (0600), so that only who can read the lab's state approves or denies its requests. HTTP
 * clients send it as {@code Authorization: Bearer <token>}; {@code lab/lab.sh officer} reads the
 * file itself.
 */
public final class OfficerToken {

    public static final String FILE = "officer.token";
    public static final String SCHEME = "Bearer ";

    private final byte[] value;

    private OfficerToken(String value) {
        this.value = value.getBytes(StandardCharsets.US_ASCII);
    }

    /** A new token, written to {@code stateDir}/{@value #FILE} (0600) before anyone can ask for it. */
    public static OfficerToken create(Path stateDir, SecureRandom random) throws IOException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AtomicFiles.write(stateDir.resolve(FILE), (value + "\n").getBytes(StandardCharsets.US_ASCII));
        return new OfficerToken(value);
    }

    /** The token in {@code file}, as {@link #create} wrote it. */
    public static OfficerToken read(Path file) throws IOException {
        String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (value.isEmpty()) {
            throw new IOException("officer token file " + file + " (expected: a token, actual: empty)");
        }
        return new OfficerToken(value);
    }

    /** The {@code Authorization} header value that carries this token. */
    public String authorization() {
        return SCHEME + new String(value, StandardCharsets.US_ASCII);
    }

    /** Whether an {@code Authorization} header value carries this token; compared in constant time. */
    boolean admits(String authorization) {
        if (authorization == null || !authorization.startsWith(SCHEME)) {
            return false;
        }
        byte[] given = authorization.substring(SCHEME.length()).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, value);
    }
}
