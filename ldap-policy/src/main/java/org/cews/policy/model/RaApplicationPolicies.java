package org.cews.policy.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * msPKI-RA-Application-Policies ([MS-CRTD] 2.23) in either of its two syntaxes. The spec picks the
 * syntax from the schema version (1 and 2, or 4 with CT_FLAG_USE_LEGACY_PROVIDER: a list of OIDs;
 * 3, or 4 without it: {@code Name`Type`Value`} triplets). On well-formed data that rule and the
 * content agree; the decoder goes by the content (a grave accent means triplets) so a template
 * whose flags and value disagree still decodes.
 */
public sealed interface RaApplicationPolicies {

    RaApplicationPolicies NONE = new Legacy(List.of());

    /** The RA certificate's required application policies (XCEP rAEKUs), in either syntax. */
    List<Oid> raApplicationPolicies();

    /** Syntax option 1 ([MS-CRTD] 2.23.1): one OID per value. */
    record Legacy(List<Oid> raApplicationPolicies) implements RaApplicationPolicies {
        public Legacy {
            raApplicationPolicies = List.copyOf(raApplicationPolicies);
        }
    }

    /**
     * Syntax option 2 ([MS-CRTD] 2.23.2). Properties this module does not name are kept in {@code
     * others} by name, with their type and value as {@code "Type`Value"}.
     */
    record Properties(
            List<Oid> raApplicationPolicies,
            Optional<String> asymmetricAlgorithm,
            Optional<String> hashAlgorithm,
            Optional<String> keySecurityDescriptor,
            Optional<String> symmetricAlgorithm,
            OptionalLong symmetricKeyLength,
            OptionalLong keyUsage,
            Map<String, String> others)
            implements RaApplicationPolicies {
        public Properties {
            raApplicationPolicies = List.copyOf(raApplicationPolicies);
            others = Map.copyOf(others);
        }
    }

    static RaApplicationPolicies decode(String dn, String attribute, List<String> values)
            throws AttributeDecodeException {
        if (values.isEmpty()) {
            return NONE;
        }
        if (values.stream().noneMatch(v -> v.indexOf('`') >= 0)) {
            List<Oid> oids = new ArrayList<>();
            for (String value : values) {
                oids.add(Oid.tryParse(value.trim())
                        .orElseThrow(() -> new AttributeDecodeException(dn, attribute, value, "an OID")));
            }
            return new Legacy(oids);
        }
        return decodeTriplets(dn, attribute, String.join("", values));
    }

    private static Properties decodeTriplets(String dn, String attribute, String text) throws AttributeDecodeException {
        String body = text.endsWith("`") ? text.substring(0, text.length() - 1) : text;
        String[] parts = body.split("`", -1);
        if (parts.length % 3 != 0) {
            throw new AttributeDecodeException(dn, attribute, text, "Name`Type`Value` triplets");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i += 3) {
            String name = parts[i];
            String type = parts[i + 1];
            String value = parts[i + 2];
            if (!type.equals("DWORD") && !type.equals("PZPWSTR")) {
                throw new AttributeDecodeException(dn, attribute, text, "type DWORD or PZPWSTR for " + name);
            }
            if (type.equals("DWORD") && !value.matches("[0-9]{1,10}")) {
                throw new AttributeDecodeException(dn, attribute, text, "a decimal DWORD for " + name);
            }
            if (PROPERTY_NAMES.contains(name)) {
                values.put(name, value);
            } else {
                others.put(name, type + "`" + value);
            }
        }
        List<Oid> policies = new ArrayList<>();
        String list = values.getOrDefault("msPKI-RA-Application-Policies", "");
        for (String oid : list.isEmpty() ? new String[0] : list.split(",")) {
            policies.add(Oid.tryParse(oid.trim())
                    .orElseThrow(() -> new AttributeDecodeException(dn, attribute, text, "OIDs in " + list)));
        }
        return new Properties(
                policies,
                Optional.ofNullable(values.get("msPKI-Asymmetric-Algorithm")),
                Optional.ofNullable(values.get("msPKI-Hash-Algorithm")),
                Optional.ofNullable(values.get("msPKI-Key-Security-Descriptor")),
                Optional.ofNullable(values.get("msPKI-Symmetric-Algorithm")),
                dword(values.get("msPKI-Symmetric-Key-Length")),
                dword(values.get("msPKI-Key-Usage")),
                others);
    }

    private static OptionalLong dword(String value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    /** The property names of [MS-CRTD] 2.23.2; others are kept in {@link Properties#others()}. */
    List<String> PROPERTY_NAMES = List.of(
            "msPKI-RA-Application-Policies",
            "msPKI-Asymmetric-Algorithm",
            "msPKI-Hash-Algorithm",
            "msPKI-Key-Security-Descriptor",
            "msPKI-Symmetric-Algorithm",
            "msPKI-Symmetric-Key-Length",
            "msPKI-Key-Usage");
}
