package org.cews.wcce.ndr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Test support: hex with {@code #} comments (golden files and inline tables) to bytes. */
public final class GoldenHex {

    private GoldenHex() {}

    /** Hex digits in any layout, {@code |} as a field separator; {@code #} starts a comment. */
    public static byte[] parse(String annotated) {
        StringBuilder hex = new StringBuilder();
        for (String line : annotated.split("\n", -1)) {
            int hash = line.indexOf('#');
            hex.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("[\\s|]+", ""));
        }
        return HexFormat.of().parseHex(hex);
    }

    /** A golden file from the test class path, e.g. {@code /org/cews/wcce/epm/ept-map-icpr.hex}. */
    public static byte[] resource(String path) {
        try (InputStream in = GoldenHex.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + path);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** {@code b} with the bytes at {@code offsets} set to zero: impacket's padding, normalised. */
    public static byte[] zeroed(byte[] b, int... offsets) {
        byte[] copy = Arrays.copyOf(b, b.length);
        for (int offset : offsets) {
            copy[offset] = 0;
        }
        return copy;
    }
}
