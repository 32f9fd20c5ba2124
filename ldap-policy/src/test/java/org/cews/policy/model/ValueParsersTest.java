package org.cews.policy.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.cews.policy.FlagWord;
import org.cews.policy.acl.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParsersTest {

    static final String DN =
            "CN=Lab-Issuing-CA,CN=Enrollment Services,CN=Public Key Services,CN=Services,CN=Configuration,DC=lab,DC=example";

    @Test
    void cspsAreSortedByPriorityWithThePrefixStripped() throws Exception {
        // [MS-CRTD] 3 Administrator template lists priority 2 first.
        List<Csp> csps = Csp.parseAll(
                DN,
                "pKIDefaultCSPs",
                List.of(
                        "2,Microsoft Base Cryptographic Provider v1.0",
                        "1,Microsoft Enhanced Cryptographic Provider v1.0"));
        assertEquals(
                List.of(
                        new Csp(1, "Microsoft Enhanced Cryptographic Provider v1.0"),
                        new Csp(2, "Microsoft Base Cryptographic Provider v1.0")),
                csps);
        assertEquals(
                new Csp(1, "Microsoft Software Key Storage Provider"),
                Csp.parse(DN, "pKIDefaultCSPs", " 1 , Microsoft Software Key Storage Provider"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Microsoft Enhanced Cryptographic Provider v1.0", ",name", "x,name", "1,", "1,  "})
    void badCspsNameTheValue(String value) {
        AttributeDecodeException e =
                assertThrows(AttributeDecodeException.class, () -> Csp.parse(DN, "pKIDefaultCSPs", value));
        assertEquals(
                DN + ": pKIDefaultCSPs (expected: \"<priority>,<CSP name>\", actual: " + value + ")", e.getMessage());
    }

    @Test
    void signedNameFlagIsReadAsUnsignedBits() throws Exception {
        // [MS-CRTD] 3: msPKI-Certificate-Name-Flag = "-1509949440" 0xa6000000.
        MapSource src = new MapSource(DN).put("msPKI-Certificate-Name-Flag", "-1509949440");
        FlagWord<CertificateNameFlag> word = FlagWord.of(
                CertificateNameFlag.class, AttributeValues.intOrDefault(src, "msPKI-Certificate-Name-Flag", 0));
        assertEquals(0xa600_0000L, word.unsignedValue());
        assertEquals(
                Set.of(
                        CertificateNameFlag.CT_FLAG_SUBJECT_ALT_REQUIRE_UPN,
                        CertificateNameFlag.CT_FLAG_SUBJECT_ALT_REQUIRE_EMAIL,
                        CertificateNameFlag.CT_FLAG_SUBJECT_REQUIRE_EMAIL,
                        CertificateNameFlag.CT_FLAG_SUBJECT_REQUIRE_DIRECTORY_PATH),
                word.flags());
        assertEquals(0, word.unknownBits());
    }

    @Test
    void unknownFlagBitsSurvive() {
        FlagWord<EnrollmentFlag> word = FlagWord.of(EnrollmentFlag.class, 0x0010_0022);
        assertEquals(
                Set.of(EnrollmentFlag.CT_FLAG_PEND_ALL_REQUESTS, EnrollmentFlag.CT_FLAG_AUTO_ENROLLMENT), word.flags());
        assertEquals(0x0010_0000, word.unknownBits());
        assertEquals(0x0010_0022, word.value());
        assertEquals(
                "0x00100022 [CT_FLAG_PEND_ALL_REQUESTS, CT_FLAG_AUTO_ENROLLMENT] unknown 0x00100000", word.toString());
    }

    @Test
    void unparsableIntegerNamesDnAttributeAndValue() {
        MapSource src = new MapSource(DN).put("msPKI-Enrollment-Flag", "0x29");
        AttributeDecodeException e = assertThrows(
                AttributeDecodeException.class, () -> AttributeValues.optionalInt(src, "msPKI-Enrollment-Flag"));
        assertEquals(
                DN + ": msPKI-Enrollment-Flag (expected: a signed 32-bit decimal integer, actual: 0x29)",
                e.getMessage());
        MapSource tooBig = new MapSource(DN).put("flags", "4294967296");
        assertThrows(AttributeDecodeException.class, () -> AttributeValues.optionalInt(tooBig, "flags"));
    }

    @Test
    void privateKeyFlagVersionNibbles() {
        FlagWord<PrivateKeyFlag> word = FlagWord.of(PrivateKeyFlag.class, 0x0504_0010);
        assertEquals(5, PrivateKeyFlag.clientVersion(word));
        assertEquals(4, PrivateKeyFlag.serverVersion(word));
        assertTrue(word.has(PrivateKeyFlag.CT_FLAG_EXPORTABLE_KEY));
    }

    @Test
    void enrollmentServersParseWithFourOrFiveFields() throws Exception {
        assertEquals(
                new EnrollmentServer(
                        1,
                        ClientAuthentication.KERBEROS,
                        false,
                        URI.create("https://ca01.contoso.com/Contoso-CA_CES_Kerberos/service.svc/CES")),
                EnrollmentServer.parse(
                        DN,
                        "msPKI-Enrollment-Servers",
                        "1\n2\n0\nhttps://ca01.contoso.com/Contoso-CA_CES_Kerberos/service.svc/CES"));
        EnrollmentServer fifth = EnrollmentServer.parse(
                DN,
                "msPKI-Enrollment-Servers",
                "2\n8\n1\nhttps://ces.lab.example/Lab-Issuing-CA_CES_Certificate/service.svc/CES\n0");
        assertEquals(2, fifth.priority());
        assertEquals(ClientAuthentication.CERTIFICATE, fifth.authentication());
        assertTrue(fifth.renewalOnly());
        assertEquals("2\n8\n1\nhttps://ces.lab.example/Lab-Issuing-CA_CES_Certificate/service.svc/CES", fifth.encode());
        assertFalse(EnrollmentServer.parse(DN, "msPKI-Enrollment-Servers", "1\r\n4\r\n0\r\nhttps://h/x")
                .renewalOnly());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1\n2\n0",
                "x\n2\n0\nhttps://h/p",
                "1\n2\n2\nhttps://h/p",
                "1\n2\n0\nnot a url",
                "1\n2\n0\n/relative/path"
            })
    void badEnrollmentServersAreRefused(String value) {
        AttributeDecodeException e = assertThrows(
                AttributeDecodeException.class, () -> EnrollmentServer.parse(DN, "msPKI-Enrollment-Servers", value));
        assertEquals(DN, e.dn());
        assertEquals(value.replace("\n", "\\n"), e.value());
    }

    @Test
    void keyUsageGivesTheXcepExtensionValue() throws Exception {
        KeyUsage ku = KeyUsage.decode(DN, "pKIKeyUsage", Hex.bytes("a0 00"));
        assertEquals(
                Set.of(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.KEY_ENCIPHERMENT),
                ku.bits().flags());
        assertArrayEquals(Hex.bytes("03 02 05 a0"), ku.derExtensionValue()); // MS-XCEP 4.1.1.2
        assertArrayEquals(Hex.bytes("a0 00"), ku.encode());
        assertArrayEquals(
                Hex.bytes("03 02 07 80"),
                KeyUsage.decode(DN, "pKIKeyUsage", Hex.bytes("80")).derExtensionValue());
        assertArrayEquals(
                Hex.bytes("03 03 07 08 80"),
                KeyUsage.decode(DN, "pKIKeyUsage", Hex.bytes("08 80")).derExtensionValue());
        assertThrows(AttributeDecodeException.class, () -> KeyUsage.decode(DN, "pKIKeyUsage", new byte[3]));
    }

    @Test
    void oidsAreValidatedAndArcsChecked() {
        assertTrue(Oid.tryParse("1.3.6.1.4.1.311.21.8.11034890.834619.12601478.16236816.7255827.176.1.1")
                .isPresent());
        assertTrue(new Oid("1.3.6.1.4.1.311.21.8.4294967295.1").arcsFit32Bits());
        assertFalse(new Oid("2.25.329800735698586629295641978511506172918").arcsFit32Bits());
        for (String bad : List.of("", "1", "3.1", "1..2", "1.2.", "1.2.x", " 1.2")) {
            assertTrue(Oid.tryParse(bad).isEmpty(), bad);
        }
    }

    @Test
    void raApplicationPoliciesTripletsFromTheSpecExample() throws Exception {
        // [MS-CRTD] 2.23.2 example.
        RaApplicationPolicies p = RaApplicationPolicies.decode(
                DN,
                "msPKI-RA-Application-Policies",
                List.of(
                        "msPKI-Asymmetric-Algorithm`PZPWSTR`RSA`msPKI-Hash-Algorithm`PZPWSTR`SHA1`msPKI-Key-Usage`DWORD`2`"
                                + "msPKI-RA-Application-Policies`PZPWSTR`1.3.6.1.4.1.311.10.3.8`"));
        RaApplicationPolicies.Properties props = (RaApplicationPolicies.Properties) p;
        assertEquals(List.of(new Oid("1.3.6.1.4.1.311.10.3.8")), props.raApplicationPolicies());
        assertEquals("RSA", props.asymmetricAlgorithm().orElseThrow());
        assertEquals("SHA1", props.hashAlgorithm().orElseThrow());
        assertEquals(OptionalLong.of(2), props.keyUsage());
        assertEquals(OptionalLong.empty(), props.symmetricKeyLength());
    }

    @Test
    void raApplicationPoliciesLegacyListAndUnknownTriplets() throws Exception {
        RaApplicationPolicies legacy = RaApplicationPolicies.decode(
                DN, "msPKI-RA-Application-Policies", List.of("1.3.6.1.4.1.311.20.2.1", "1.3.6.1.5.5.7.3.2"));
        assertEquals(
                List.of(new Oid("1.3.6.1.4.1.311.20.2.1"), new Oid("1.3.6.1.5.5.7.3.2")),
                legacy.raApplicationPolicies());
        RaApplicationPolicies.Properties other = (RaApplicationPolicies.Properties)
                RaApplicationPolicies.decode(
                        DN,
                        "msPKI-RA-Application-Policies",
                        List.of(
                                "msPKI-RA-Application-Policies`PZPWSTR`1.3.6.1.5.5.7.3.2,1.3.6.1.5.5.7.3.1`msPKI-Future`DWORD`7`"));
        assertEquals(2, other.raApplicationPolicies().size());
        assertEquals("DWORD`7", other.others().get("msPKI-Future"));
        for (String bad : List.of(
                "a`b`",
                "msPKI-Key-Usage`QWORD`1`",
                "msPKI-Key-Usage`DWORD`-1`",
                "msPKI-RA-Application-Policies`PZPWSTR`not-an-oid`")) {
            assertThrows(
                    AttributeDecodeException.class,
                    () -> RaApplicationPolicies.decode(DN, "msPKI-RA-Application-Policies", List.of(bad)),
                    bad);
        }
    }
}
