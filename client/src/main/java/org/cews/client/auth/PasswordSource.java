package org.cews.client.auth;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;

/**
 * Where a password comes from: an environment variable, the first line of a file, or a prompt on
 * the console. Never a command-line argument (other users see those in the process list).
 */
public sealed interface PasswordSource {

    char[] read(String forWhat) throws ClientException;

    record Environment(String variable, Map<String, String> env) implements PasswordSource {
        @Override
        public char[] read(String forWhat) throws ClientException {
            String v = env.get(variable);
            if (v == null || v.isEmpty()) {
                throw new ClientException(
                        ClientMessage.NO_PASSWORD, forWhat, "the environment variable " + variable + " is not set");
            }
            return v.toCharArray();
        }
    }

    record File(Path path) implements PasswordSource {
        @Override
        public char[] read(String forWhat) throws ClientException {
            try {
                String content = Files.readString(path, StandardCharsets.UTF_8);
                int nl = content.indexOf('\n');
                String line = (nl < 0 ? content : content.substring(0, nl)).replace("\r", "");
                if (line.isEmpty()) {
                    throw new ClientException(
                            ClientMessage.NO_PASSWORD, forWhat, "the first line of " + path + " is empty");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new ClientException(e, ClientMessage.CANNOT_READ, path, e.getMessage());
            }
        }
    }

    record Prompt(Optional<Console> console) implements PasswordSource {
        @Override
        public char[] read(String forWhat) throws ClientException {
            if (console.isEmpty()) {
                throw new ClientException(
                        ClientMessage.NO_PASSWORD,
                        forWhat,
                        "no console to prompt on; use --password-env or --password-file");
            }
            char[] pw = console.get().readPassword("Password for %s: ", forWhat);
            if (pw == null || pw.length == 0) {
                throw new ClientException(ClientMessage.NO_PASSWORD, forWhat, "nothing was typed");
            }
            return pw;
        }
    }
}
