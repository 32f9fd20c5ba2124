package org.cews.cep.xcep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.cews.policy.model.Oid;
import org.cews.policy.view.OidEntry;
import org.cews.policy.view.OidGroup;
import org.cews.policy.view.PolicyView;

/**
 * The oIDs of one GetPoliciesResponse ([MS-XCEP] 3.1.4.1.3.16-17): the view's (template OIDs,
 * EKUs, policies, with its reference ids) and the ones only the wire form refers to: extension
 * OIDs (group 6), hash (1), public key (3) and symmetric (2) algorithms, numbered after the view's
 * in the order first met, so every reference is unique and resolves (oIDReferenceID "MUST be
 * unique", 3.1.4.1.3.16).
 */
final class ResponseOids {

    /** The names AD CS gives the OIDs it adds for the wire form (docs/REAL-CLIENTS.md §6). */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("1.3.6.1.4.1.311.20.2", "Certificate Template Name"),
            Map.entry("1.3.6.1.4.1.311.21.7", "Certificate Template Information"),
            Map.entry("1.3.6.1.4.1.311.21.10", "Application Policies"),
            Map.entry("2.5.29.37", "Enhanced Key Usage"),
            Map.entry("2.5.29.15", "Key Usage"),
            Map.entry("2.5.29.32", "Certificate Policies"),
            Map.entry("1.3.14.3.2.26", "sha1"),
            Map.entry("2.16.840.1.101.3.4.2.1", "sha256"),
            Map.entry("2.16.840.1.101.3.4.2.2", "sha384"),
            Map.entry("2.16.840.1.101.3.4.2.3", "sha512"),
            Map.entry("1.2.840.113549.1.1.1", "RSA"),
            Map.entry("1.2.840.10045.3.1.7", "ECDSA_P256"),
            Map.entry("1.3.132.0.34", "ECDSA_P384"),
            Map.entry("1.3.132.0.35", "ECDSA_P521"),
            Map.entry("1.2.840.113549.3.7", "3des"),
            Map.entry("2.16.840.1.101.3.4.1.2", "aes128"),
            Map.entry("2.16.840.1.101.3.4.1.22", "aes192"),
            Map.entry("2.16.840.1.101.3.4.1.42", "aes256"));

    private final Map<String, OidEntry> entries = new LinkedHashMap<>();
    private int next;

    /**
     * @param language the LCID whose msPKI-OIDLocalizedName replaces an enterprise OID's default
     *     name, when the directory has one ([MS-XCEP] 3.1.4.1.3.9 preferredLanguage)
     */
    ResponseOids(PolicyView view, OptionalInt language) {
        for (OidEntry entry : view.oids()) {
            entries.put(key(entry.oid(), entry.group()), localized(entry, language));
            next = Math.max(next, entry.referenceId());
        }
    }

    private static OidEntry localized(OidEntry entry, OptionalInt language) {
        if (language.isEmpty() || entry.enterprise().isEmpty()) {
            return entry;
        }
        String name = entry.enterprise().get().localizedNames().get(language.getAsInt());
        return name == null
                ? entry
                : new OidEntry(entry.referenceId(), entry.oid(), entry.group(), Optional.of(name), entry.enterprise());
    }

    /** The reference of {@code oid} in {@code group}, added if the view does not have it. */
    int reference(Oid oid, OidGroup group) {
        return entries.computeIfAbsent(key(oid, group), k -> {
                    next++;
                    return new OidEntry(
                            next, oid, group, Optional.ofNullable(NAMES.get(oid.value())), Optional.empty());
                })
                .referenceId();
    }

    /** The reference of {@code oid} if the view or the wire form has it in any group. */
    Optional<Integer> existing(Oid oid, OidGroup group) {
        return Optional.ofNullable(entries.get(key(oid, group))).map(OidEntry::referenceId);
    }

    List<OidEntry> all() {
        return new ArrayList<>(entries.values());
    }

    private static String key(Oid oid, OidGroup group) {
        return group.code() + " " + oid.value();
    }
}
