package org.cews.policy.cache;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.cews.policy.ldap.PolicySnapshot;

/**
 * A SHA-256 over the content of a snapshot, its read time left out: equal for two reads of an
 * unchanged directory, different as soon as any decoded attribute, security descriptor or
 * certificate differs. The model is records down to its leaves, so records are walked component
 * by component; byte arrays count by content (record equality would compare them by identity).
 */
public final class SnapshotFingerprint {

    private SnapshotFingerprint() {}

    public static String of(PolicySnapshot s) {
        StringBuilder text = new StringBuilder();
        append(text, s.configurationNamingContext());
        append(text, s.templates());
        append(text, s.enrollmentServices());
        append(text, s.enterpriseOids());
        append(text, s.forestOid());
        s.problems().forEach(p -> append(text, p.getMessage()));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void append(StringBuilder text, Object value) {
        if (value instanceof byte[] bytes) {
            text.append("bytes:").append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof Optional<?> optional) {
            text.append("opt(");
            optional.ifPresent(v -> append(text, v));
            text.append(')');
        } else if (value instanceof Collection<?> items) {
            text.append('[');
            items.forEach(v -> append(text, v));
            text.append(']');
        } else if (value instanceof Map<?, ?> map) {
            text.append('{');
            map.entrySet().stream()
                    .sorted(Comparator.comparing(e -> String.valueOf(e.getKey())))
                    .forEach(e -> {
                        append(text, e.getKey());
                        append(text, e.getValue());
                    });
            text.append('}');
        } else if (value instanceof Record record) {
            text.append(record.getClass().getSimpleName()).append('(');
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                text.append(c.getName()).append('=');
                append(text, read(c, record));
            }
            text.append(')');
        } else {
            text.append(value);
        }
        text.append(';');
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
