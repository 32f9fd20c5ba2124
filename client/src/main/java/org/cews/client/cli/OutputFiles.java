package org.cews.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.pki.Pem;
import org.cews.client.pki.Pkcs12;

/**
 * Where results go: {@code PREFIX.key} (the private key, PEM PKCS#8, mode 0600, never replaced
 * without {@code --force}), and either {@code PREFIX.crt} plus {@code PREFIX.chain.pem} (PEM) or
 * {@code PREFIX.p12} (PKCS#12 with the key, the certificate and the chain).
 */
final class OutputFiles {
    enum Format {
        PEM,
        P12
    }

    private final String prefix;
    private final Format format;
    private final boolean force;
    private final Environment env;

    OutputFiles(String prefix, Format format, boolean force, Environment env) {
        this.prefix = prefix;
        this.format = format;
        this.force = force;
        this.env = env;
    }

    static Format format(Options o) throws ClientException {
        String f = o.value("format").orElse("pem").toLowerCase(Locale.ROOT);
        return switch (f) {
            case "pem" -> Format.PEM;
            case "p12", "pkcs12" -> Format.P12;
            default -> throw new ClientException(ClientMessage.USAGE, "--format " + f + " is not pem or p12");
        };
    }

    Path keyFile() {
        return Path.of(prefix + ".key");
    }

    /** Refuses early, before anything is sent, when the key file exists and --force is not given. */
    void checkKeyFileFree() throws ClientException {
        if (!force && Files.exists(keyFile())) {
            throw new ClientException(ClientMessage.KEY_FILE_EXISTS, keyFile());
        }
    }

    void writeKey(KeyPair keys) throws ClientException {
        checkKeyFileFree();
        Path f = keyFile();
        try {
            Files.deleteIfExists(f);
            try {
                Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(f);
            }
            Files.writeString(
                    f,
                    Pem.encode(List.of(keys.getPrivate())),
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new ClientException(ClientMessage.KEY_FILE_EXISTS, f);
        } catch (IOException e) {
            throw new ClientException(e, ClientMessage.CANNOT_WRITE, f, e.getMessage());
        }
        env.err().println(ClientMessage.WROTE.format(f));
    }

    /** Writes the certificate and its chain, and with PKCS#12 the key with them. */
    List<Path> writeCertificate(X509Certificate cert, List<X509Certificate> chain, Optional<KeyPair> keys, Session s)
            throws ClientException {
        List<Path> written = new ArrayList<>();
        if (format == Format.P12) {
            if (keys.isEmpty()) {
                throw new ClientException(ClientMessage.USAGE, "--format p12 needs the private key (--key)");
            }
            Path p12 = Path.of(prefix + ".p12");
            char[] pw =
                    s.passwordSource("p12-password-env", "p12-password-file").read(p12.toString());
            List<X509Certificate> all = new ArrayList<>();
            all.add(cert);
            all.addAll(chain);
            write(p12, Pkcs12.write(new Pkcs12.KeyAndChain(keys.get().getPrivate(), all), "enroll", pw));
            written.add(p12);
        } else {
            Path crt = Path.of(prefix + ".crt");
            write(crt, Pem.encode(List.of(cert)).getBytes(StandardCharsets.US_ASCII));
            written.add(crt);
            if (!chain.isEmpty()) {
                Path ch = Path.of(prefix + ".chain.pem");
                write(ch, Pem.encode(chain).getBytes(StandardCharsets.US_ASCII));
                written.add(ch);
            }
        }
        written.forEach(p -> env.err().println(ClientMessage.WROTE.format(p)));
        return written;
    }

    private static void write(Path f, byte[] content) throws ClientException {
        try {
            Files.write(f, content);
        } catch (IOException e) {
            throw new ClientException(e, ClientMessage.CANNOT_WRITE, f, e.getMessage());
        }
    }
}
