package org.cews.policy.model;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed reads of directory values with the errors {@link AttributeDecodeException} wants. AD
 * integers (syntax 2.5.5.9) are signed 32-bit decimal strings; flag words stored signed stay
 * signed here and are read bit by bit as unsigned by {@code FlagWord}.
 */
public final class AttributeValues {

    private AttributeValues() {}

    public static Optional<String> optionalString(AttributeSource src, String name) {
        List<String> values = src.strings(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public static String requiredString(AttributeSource src, String name) throws AttributeDecodeException {
        return optionalString(src, name)
                .orElseThrow(() -> new AttributeDecodeException(src.dn(), name, "absent", "a value"));
    }

    public static OptionalInt optionalInt(AttributeSource src, String name) throws AttributeDecodeException {
        Optional<String> value = optionalString(src, name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.get().trim()));
        } catch (NumberFormatException e) {
            throw new AttributeDecodeException(src.dn(), name, value.get(), "a signed 32-bit decimal integer");
        }
    }

    public static int intOrDefault(AttributeSource src, String name, int fallback) throws AttributeDecodeException {
        return optionalInt(src, name).orElse(fallback);
    }

    public static Optional<Oid> optionalOid(AttributeSource src, String name) throws AttributeDecodeException {
        Optional<String> value = optionalString(src, name);
        return value.isEmpty() ? Optional.empty() : Optional.of(oid(src, name, value.get()));
    }

    public static List<Oid> oids(AttributeSource src, String name) throws AttributeDecodeException {
        List<Oid> oids = new ArrayList<>();
        for (String value : src.strings(name)) {
            oids.add(oid(src, name, value));
        }
        return List.copyOf(oids);
    }

    static Oid oid(AttributeSource src, String name, String value) throws AttributeDecodeException {
        return Oid.tryParse(value.trim())
                .orElseThrow(() -> new AttributeDecodeException(src.dn(), name, value, "a dotted-decimal OID"));
    }

    public static Optional<byte[]> optionalBytes(AttributeSource src, String name) {
        List<byte[]> values = src.bytes(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Binary values as they appear in error messages. */
    public static String hex(byte[] value) {
        return value.length > 64
                ? HexFormat.ofDelimiter(" ").formatHex(value, 0, 64) + " ... (" + value.length + " bytes)"
                : HexFormat.ofDelimiter(" ").formatHex(value);
    }
}
