package org.cews.policy.view;

import java.util.Map;
import java.util.Optional;
import org.cews.policy.model.Oid;

/**
 * Default names for OIDs that templates commonly name and that the forest has no
 * msPKI-Enterprise-Oid object for: the EKUs and policies AD CS installs (RFC 5280 4.2.1.12, the
 * Microsoft arcs of [MS-WCCE] and [MS-CRTD] 3). XCEP's defaultName is "MUST be provided" but
 * nillable ([MS-XCEP] 3.1.4.1.3.16); the mapper may fall back to the dotted value.
 */
final class WellKnownOids {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("1.3.6.1.5.5.7.3.1", "Server Authentication"),
            Map.entry("1.3.6.1.5.5.7.3.2", "Client Authentication"),
            Map.entry("1.3.6.1.5.5.7.3.3", "Code Signing"),
            Map.entry("1.3.6.1.5.5.7.3.4", "Secure Email"),
            Map.entry("1.3.6.1.5.5.7.3.8", "Time Stamping"),
            Map.entry("1.3.6.1.5.5.7.3.9", "OCSP Signing"),
            Map.entry("1.3.6.1.4.1.311.10.3.4", "Encrypting File System"),
            Map.entry("1.3.6.1.4.1.311.10.3.4.1", "File Recovery"),
            Map.entry("1.3.6.1.4.1.311.10.3.12", "Document Signing"),
            Map.entry("1.3.6.1.4.1.311.20.2.1", "Certificate Request Agent"),
            Map.entry("1.3.6.1.4.1.311.20.2.2", "Smart Card Logon"),
            Map.entry("1.3.6.1.4.1.311.21.5", "Private Key Archival"),
            Map.entry("1.3.6.1.4.1.311.21.6", "Key Recovery Agent"),
            Map.entry("1.3.6.1.5.2.3.5", "KDC Authentication"),
            Map.entry("2.5.29.32.0", "All issuance policies"));

    private WellKnownOids() {}

    static Optional<String> name(Oid oid) {
        return Optional.ofNullable(NAMES.get(oid.value()));
    }
}
