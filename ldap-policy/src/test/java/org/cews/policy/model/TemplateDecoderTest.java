package org.cews.policy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cews.policy.acl.Hex;
import org.junit.jupiter.api.Test;

class TemplateDecoderTest {

    static final String DN =
            "CN=User,CN=Certificate Templates,CN=Public Key Services,CN=Services,CN=Configuration,DC=lab,DC=example";

    /** The User template as [MS-CRTD] 3 note 42 lists it (Windows Server 2008 and later defaults). */
    static MapSource user() {
        return new MapSource(DN)
                .put("cn", "User")
                .put("displayName", "User")
                .put("flags", "66106")
                .put(
                        "msPKI-Cert-Template-OID",
                        "1.3.6.1.4.1.311.21.8.11034890.834619.12601478.16236816.7255827.176.1.1")
                .put("msPKI-Certificate-Name-Flag", "-1509949440")
                .put("msPKI-Enrollment-Flag", "41")
                .put("msPKI-Minimal-Key-Size", "2048")
                .put("msPKI-Private-Key-Flag", "16")
                .put("msPKI-RA-Signature", "0")
                .put("msPKI-Template-Minor-Revision", "1")
                .put("msPKI-Template-Schema-Version", "1")
                .put("pKICriticalExtensions", "2.5.29.15")
                .put(
                        "pKIDefaultCSPs",
                        "2,Microsoft Base Cryptographic Provider v1.0",
                        "1,Microsoft Enhanced Cryptographic Provider v1.0")
                .put("pKIDefaultKeySpec", "1")
                .putBytes("pKIExpirationPeriod", Hex.bytes("00 40 39 87 2E E1 FE FF"))
                .put("pKIExtendedKeyUsage", "1.3.6.1.4.1.311.10.3.4", "1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.2")
                .putBytes("pKIKeyUsage", Hex.bytes("A0 00"))
                .put("pKIMaxIssuingDepth", "0")
                .putBytes("pKIOverlapPeriod", Hex.bytes("00 80 A6 0A FF DE FF FF"))
                .put("revision", "3");
    }

    @Test
    void decodesTheDefaultUserTemplate() throws Exception {
        CertificateTemplate t = TemplateDecoder.decode(user());
        assertEquals("User", t.cn());
        assertEquals(1, t.schemaVersion());
        assertEquals(3, t.majorRevision());
        assertEquals(1, t.minorRevision());
        assertEquals(Duration.ofDays(365), t.validityPeriod());
        assertEquals(Duration.ofDays(42), t.renewalPeriod());
        assertEquals(Optional.of(KeySpec.AT_KEYEXCHANGE), t.keySpec());
        assertEquals(2048, t.minimalKeySize());
        assertEquals(
                List.of("Microsoft Enhanced Cryptographic Provider v1.0", "Microsoft Base Cryptographic Provider v1.0"),
                t.cryptoProviderNames());
        assertEquals(OptionalInt.of(0), t.maxIssuingDepth());
        assertEquals(3, t.extendedKeyUsages().size());
        assertEquals(List.of(new Oid("2.5.29.15")), t.criticalExtensions());
        assertEquals(0x1023a, t.generalFlags().value());
        assertTrue(t.generalFlags().has(GeneralFlag.CT_FLAG_IS_DEFAULT));
        assertFalse(t.isMachineTemplate());
        assertEquals(0x29, t.enrollmentFlags().value());
        assertTrue(t.requestsAutoEnrollment());
        assertFalse(t.pendsAllRequests());
        assertEquals(0xa600_0000, t.nameFlags().value());
        assertEquals(RaRequirements.NONE, t.raRequirements());
        assertEquals(Optional.empty(), t.securityDescriptor());
        assertEquals(0, t.rawSecurityDescriptor().length);
    }

    @Test
    void schemaVersionDefaultsToOneAndDisplayNameToCn() throws Exception {
        MapSource bare = new MapSource(DN)
                .put("cn", "Bare")
                .putBytes("pKIExpirationPeriod", Hex.bytes("00 40 39 87 2E E1 FE FF"))
                .putBytes("pKIOverlapPeriod", Hex.bytes("00 80 A6 0A FF DE FF FF"));
        CertificateTemplate t = TemplateDecoder.decode(bare);
        assertEquals(1, t.schemaVersion());
        assertEquals("Bare", t.displayName());
        assertEquals(Optional.empty(), t.oid());
        assertEquals(Optional.empty(), t.keyUsage());
    }

    @Test
    void missingPeriodIsAnError() {
        MapSource src = new MapSource(DN).put("cn", "User").putBytes("pKIExpirationPeriod", new byte[8]);
        AttributeDecodeException e = assertThrows(AttributeDecodeException.class, () -> TemplateDecoder.decode(src));
        assertEquals(DN + ": pKIOverlapPeriod (expected: an 8-byte interval, actual: absent)", e.getMessage());
    }

    @Test
    void badEkuOidIsAnError() {
        MapSource src = user().put("pKIExtendedKeyUsage", "Client Authentication");
        AttributeDecodeException e = assertThrows(AttributeDecodeException.class, () -> TemplateDecoder.decode(src));
        assertEquals(
                DN + ": pKIExtendedKeyUsage (expected: a dotted-decimal OID, actual: Client Authentication)",
                e.getMessage());
    }

    @Test
    void malformedSecurityDescriptorIsAnAttributeError() {
        MapSource src = user().putBytes("nTSecurityDescriptor", Hex.bytes("01 00 04 80 00"));
        AttributeDecodeException e = assertThrows(AttributeDecodeException.class, () -> TemplateDecoder.decode(src));
        assertEquals("nTSecurityDescriptor", e.attribute());
        assertEquals("01 00 04 80 00", e.value());
        assertTrue(e.getMessage().contains("security descriptor header runs past the end"), e.getMessage());
    }

    @Test
    void badLocalizedOidNameIsAnError() {
        MapSource oid = new MapSource("CN=1.ABC,CN=OID")
                .put("cn", "1.ABC")
                .put("flags", "2")
                .put("msPKI-Cert-Template-OID", "1.3.6.1.4.1.311.21.8.1.2.3.4.5.6.1.401")
                .put("msPKI-OIDLocalizedName", "English,Medium Assurance");
        AttributeDecodeException e =
                assertThrows(AttributeDecodeException.class, () -> EnterpriseOidDecoder.decode(oid));
        assertEquals(
                "CN=1.ABC,CN=OID: msPKI-OIDLocalizedName (expected: \"<LCID>,<name>\", actual: English,Medium Assurance)",
                e.getMessage());
    }
}
