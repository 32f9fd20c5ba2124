package org.cews.client.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;

/**
 * The parsed command line: {@code --name value}, {@code --name=value}, flags, and positional
 * arguments. Every option must be known to the command; a value option needs its value.
 */
public final class Options {
    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final List<Integer> positionalIndexes = new ArrayList<>();

    private Options() {}

    /**
     * Parses {@code args}; {@code valued} are the options that take a value, {@code flags} those
     * that take none (names without the leading dashes).
     */
    public static Options parse(List<String> args, Set<String> valued, Set<String> flags) throws ClientException {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                for (int j = i + 1; j < args.size(); j++) {
                    o.positional.add(args.get(j));
                    o.positionalIndexes.add(j);
                }
                break;
            }
            if (!a.startsWith("--")) {
                o.positional.add(a);
                o.positionalIndexes.add(i);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new ClientException(ClientMessage.USAGE, "--" + name + " takes no value");
                }
                o.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new ClientException(ClientMessage.USAGE, "--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                o.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else if (name.equals("password")) {
                throw new ClientException(
                        ClientMessage.USAGE,
                        "a password is never taken as an argument: use --password-env, --password-file or the prompt");
            } else {
                throw new ClientException(ClientMessage.USAGE, "unknown option --" + name);
            }
        }
        return o;
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public Optional<String> value(String name) {
        List<String> v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public String required(String name) throws ClientException {
        return value(name).orElseThrow(() -> new ClientException(ClientMessage.USAGE, "--" + name + " is required"));
    }

    public Optional<Path> path(String name) {
        return value(name).map(Path::of);
    }

    public int integer(String name, int dflt) throws ClientException {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ClientException(ClientMessage.USAGE, "--" + name + " needs a whole number >= 0, not " + v.get());
        }
    }

    /** The index in the arguments of the {@code n}th positional argument. */
    public int positionalIndex(int n) {
        return positionalIndexes.get(n);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }
}
