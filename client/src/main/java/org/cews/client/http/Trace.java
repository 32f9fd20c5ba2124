package org.cews.client.http;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where progress lines and, with {@code --trace}, the SOAP exchange go (standard error). Secrets
 * are masked before anything is printed: the text of every {@code Password} element and the token
 * of an {@code Authorization} header.
 */
public final class Trace {
    private static final Pattern PASSWORD =
            Pattern.compile("(<(?:[\\w.-]+:)?Password\\b[^>]*>)(.*?)(</(?:[\\w.-]+:)?Password>)", Pattern.DOTALL);

    private final PrintStream out;
    private final boolean exchanges;

    public Trace(PrintStream out, boolean exchanges) {
        this.out = out;
        this.exchanges = exchanges;
    }

    /** No output at all (library use, tests). */
    public static Trace silent() {
        return new Trace(null, false);
    }

    /** A progress line or a note. */
    public void progress(String line) {
        if (out != null) {
            out.println(line);
        }
    }

    void request(URI uri, Map<String, List<String>> headers, byte[] body) {
        if (exchanges && out != null) {
            out.println(">>> POST " + uri);
            headers.forEach((k, vs) -> vs.forEach(v -> out.println(">>> " + k + ": " + maskHeader(k, v))));
            out.println(mask(new String(body, StandardCharsets.UTF_8)));
        }
    }

    void response(URI uri, int status, Map<String, List<String>> headers, byte[] body) {
        if (exchanges && out != null) {
            out.println("<<< HTTP " + status + " from " + uri);
            headers.forEach((k, vs) -> vs.forEach(v -> out.println("<<< " + k + ": " + maskHeader(k, v))));
            out.println(mask(new String(body, StandardCharsets.UTF_8)));
        }
    }

    /** The XML with the text of every Password element replaced. */
    public static String mask(String xml) {
        return PASSWORD.matcher(xml).replaceAll("$1********$3");
    }

    static String maskHeader(String name, String value) {
        if (name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("www-authenticate")) {
            int sp = value.indexOf(' ');
            if (sp > 0 && value.length() > sp + 1) {
                return value.substring(0, sp) + " <token of " + (value.length() - sp - 1) + " characters, masked>";
            }
        }
        return value;
    }
}
