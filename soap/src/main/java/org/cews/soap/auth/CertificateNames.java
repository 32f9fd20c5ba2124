package org.cews.soap.auth;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cews.x690.DerException;
import org.cews.x690.DerLimits;
import org.cews.x690.Tlv;

/**
 * The names a client certificate offers for mapping it to an account, in the order AD's strong
 * certificate mapping uses them (docs/AUTHENTICATION.md §4): the SID of the security extension
 * that AD CS writes ([MS-WCCE] 2.2.2.7.7.4, szOID_NTDS_CA_SECURITY_EXT 1.3.6.1.4.1.311.25.2: one
 * otherName 1.3.6.1.4.1.311.25.2.1 whose value is the SID string), then the UPNs of the subject
 * alternative name (otherName 1.3.6.1.4.1.311.20.2.3, a UTF8String; [MS-WCCE] 2.2.2.7.10), then its
 * DNS names (for computers).
 */
record CertificateNames(Optional<String> sid, List<String> upns, List<String> dnsNames) {

    static final String SID_EXTENSION = "1.3.6.1.4.1.311.25.2";
    static final String SID_OTHER_NAME = "1.3.6.1.4.1.311.25.2.1";
    static final String UPN_OTHER_NAME = "1.3.6.1.4.1.311.20.2.3";

    /**
     * What a client certificate's extension may be, read with the shared bounded reader: 64 KiB
     * and 16 levels, where GeneralNames with an otherName nest five (the JDK's SAN form, two
     * explicit [0] around the value, included).
     */
    static final DerLimits EXTENSION_LIMITS = DerLimits.der(64 * 1024, 16);

    /** X.509 GeneralName choices ([RFC 5280] 4.2.1.6) as {@link X509Certificate#getSubjectAlternativeNames} numbers them. */
    private static final int OTHER_NAME = 0;

    private static final int DNS_NAME = 2;

    CertificateNames {
        upns = List.copyOf(upns);
        dnsNames = List.copyOf(dnsNames);
    }

    static CertificateNames of(X509Certificate certificate) throws DerException {
        Optional<String> sid = sid(certificate.getExtensionValue(SID_EXTENSION));
        List<String> upns = new ArrayList<>();
        List<String> dns = new ArrayList<>();
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw Tlv.unexpected("subject alternative name", "an extension the JDK can read", e.getMessage());
        }
        for (List<?> name : names == null ? List.<List<?>>of() : names) {
            int type = (Integer) name.get(0);
            if (type == DNS_NAME && name.get(1) instanceof String s) {
                dns.add(s);
            } else if (type == OTHER_NAME && name.get(1) instanceof byte[] encoded) {
                otherName(Tlv.read(encoded, "subject alternative name", EXTENSION_LIMITS), UPN_OTHER_NAME)
                        .ifPresent(upns::add);
            }
        }
        return new CertificateNames(sid, upns, dns);
    }

    /** The SID of the security extension's value as {@code getExtensionValue} gives it; empty for none. */
    static Optional<String> sid(byte[] extension) throws DerException {
        if (extension != null) {
            for (Tlv name : extensionValue(extension, "SID extension").children()) {
                Optional<String> value = otherName(name, SID_OTHER_NAME);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An extension's value as {@link X509Certificate#getExtensionValue} gives it: the extnValue
     * OCTET STRING, and inside it the extension's own encoding, both held to
     * {@link #EXTENSION_LIMITS}.
     */
    static Tlv extensionValue(byte[] extension, String what) throws DerException {
        return Tlv.read(Tlv.read(extension, what, EXTENSION_LIMITS).content(), what, EXTENSION_LIMITS);
    }

    /**
     * The value of an otherName ([0] IMPLICIT SEQUENCE { type-id OID, value [0] EXPLICIT ANY })
     * of the given type; empty for another type or another GeneralName choice. Inside the SID
     * extension it is the GeneralName ([0]); the JDK hands a SAN's otherName over as a SEQUENCE.
     */
    private static Optional<String> otherName(Tlv name, String type) throws DerException {
        if (name.tag() != 0xa0 && name.tag() != 0x30) {
            return Optional.empty();
        }
        List<Tlv> parts = name.children();
        if (parts.size() != 2 || !parts.get(0).oid().equals(type)) {
            return Optional.empty();
        }
        if (parts.get(1).tag() != 0xa0) {
            throw Tlv.unexpected(
                    "otherName value",
                    "[0] EXPLICIT",
                    "tag 0x" + Integer.toHexString(parts.get(1).tag()));
        }
        Tlv value = parts.get(1).explicit();
        // OpenJDK 17's getSubjectAlternativeNames hands an otherName over as a SEQUENCE whose value
        // is wrapped in [0] twice (3023 060a... a015 a013 0c11 "alice@lab.example"); the certificate
        // itself has it once. Take one more explicit [0] off when it is there.
        if (value.tag() == 0xa0) {
            value = value.explicit();
        }
        return Optional.of(value.text());
    }

    /** What was tried, for the refusal message. */
    String describe() {
        List<String> tried = new ArrayList<>();
        sid.ifPresent(s -> tried.add("SID " + s));
        upns.forEach(u -> tried.add("UPN " + u));
        dnsNames.forEach(d -> tried.add("DNS " + d));
        return tried.isEmpty() ? "no SID extension, UPN or DNS name" : String.join(", ", tried);
    }
}
