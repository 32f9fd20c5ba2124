package org.cews.lab.ca.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * A {@link RequestRecord} as a small properties file, readable with a text editor: binary values
 * in base64, times in ISO-8601, absent values as absent keys. An unreadable file is an {@link
 * IOException} naming the key.
 */
final class RecordCodec {

    private RecordCodec() {}

    static byte[] encode(RequestRecord r) throws IOException {
        Properties p = new Properties();
        p.setProperty("id", Integer.toString(r.id()));
        p.setProperty("callerName", r.callerName());
        p.setProperty("callerDomain", r.callerDomain() == null ? "" : r.callerDomain());
        r.callerSid().ifPresent(v -> p.setProperty("callerSid", v));
        r.requesterName().ifPresent(v -> p.setProperty("requesterName", v));
        r.requesterSid().ifPresent(v -> p.setProperty("requesterSid", v));
        r.template().ifPresent(v -> p.setProperty("template", v));
        p.setProperty("status", r.status().name());
        p.setProperty("statusCode", String.format("0x%08X", r.statusCode()));
        p.setProperty("message", r.message());
        p.setProperty("flags", String.format("0x%08X", r.flags()));
        p.setProperty("attributes", r.attributes());
        p.setProperty("request", Base64.getEncoder().encodeToString(r.request()));
        r.certificate()
                .ifPresent(v -> p.setProperty("certificate", Base64.getEncoder().encodeToString(v)));
        p.setProperty("submitted", r.submitted().toString());
        r.resolved().ifPresent(v -> p.setProperty("resolved", v.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            p.store(w, "lab CA request " + r.id());
        }
        return out.toByteArray();
    }

    static RequestRecord decode(byte[] bytes, String file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        try {
            return new RequestRecord(
                    Integer.parseInt(required(p, "id", file)),
                    required(p, "callerName", file),
                    p.getProperty("callerDomain", ""),
                    optional(p, "callerSid"),
                    optional(p, "requesterName"),
                    optional(p, "requesterSid"),
                    optional(p, "template"),
                    RequestStatus.valueOf(required(p, "status", file)),
                    Integer.parseUnsignedInt(required(p, "statusCode", file).substring(2), 16),
                    p.getProperty("message", ""),
                    Integer.parseUnsignedInt(required(p, "flags", file).substring(2), 16),
                    p.getProperty("attributes", ""),
                    Base64.getDecoder().decode(required(p, "request", file)),
                    optional(p, "certificate").map(Base64.getDecoder()::decode),
                    Instant.parse(required(p, "submitted", file)),
                    optional(p, "resolved").map(Instant::parse));
        } catch (RuntimeException e) {
            throw new IOException(file + ": unreadable request record: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, String file) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException(file + ": request record without " + key);
        }
        return v;
    }

    private static Optional<String> optional(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key));
    }
}
