package org.cews.wcce.msrpce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Golden PDUs under {@code src/test/resources/org/cews/wcce/msrpce/}: hex with a field-by-field
 * dissection after {@code #} on each line; whitespace and {@code |} separate fields.
 */
final class Golden {

    private Golden() {}

    static byte[] load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int comment = line.indexOf('#');
                hex.append(comment < 0 ? line : line.substring(0, comment));
            }
            return hex(hex.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex with any whitespace and {@code |} between bytes. */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("[\\s|]", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
