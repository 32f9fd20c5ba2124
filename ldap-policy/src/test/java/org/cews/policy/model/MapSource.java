package org.cews.policy.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Test helper: an {@link AttributeSource} built by hand. */
final class MapSource implements AttributeSource {

    private final String dn;
    private final Map<String, List<byte[]>> values = new LinkedHashMap<>();

    MapSource(String dn) {
        this.dn = dn;
    }

    MapSource put(String name, String... strings) {
        for (String s : strings) {
            values.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(s.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    MapSource putBytes(String name, byte[] value) {
        values.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(value);
        return this;
    }

    @Override
    public String dn() {
        return dn;
    }

    @Override
    public List<String> strings(String attribute) {
        return bytes(attribute).stream()
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .toList();
    }

    @Override
    public List<byte[]> bytes(String attribute) {
        return values.getOrDefault(attribute.toLowerCase(Locale.ROOT), List.of());
    }
}
