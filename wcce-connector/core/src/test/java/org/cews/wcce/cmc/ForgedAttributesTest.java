package org.cews.wcce.cmc;

import static org.cews.wcce.cmc.OnBehalfOfSignerTest.ALICE;
import static org.cews.wcce.cmc.OnBehalfOfSignerTest.ALICE_CSR;
import static org.cews.wcce.cmc.OnBehalfOfSignerTest.clientAttributes;
import static org.cews.wcce.cmc.OnBehalfOfSignerTest.pkiData;
import static org.cews.wcce.cmc.OnBehalfOfSignerTest.regInfo;
import static org.cews.wcce.cmc.OnBehalfOfSignerTest.requesterCmc;
import static org.cews.wcce.cmc.OnBehalfOfSignerTest.signedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cmc.BodyPartID;
import org.bouncycastle.asn1.cmc.CMCObjectIdentifiers;
import org.bouncycastle.asn1.cmc.PKIData;
import org.bouncycastle.asn1.cmc.TaggedAttribute;
import org.bouncycastle.asn1.cmc.TaggedCertificationRequest;
import org.bouncycastle.asn1.x509.Attribute;
import org.junit.jupiter.api.Test;

/**
 * In enrollment-agent mode the agent's signature covers only what the CES decided ([MS-WCCE]
 * 3.1.1.4.3.3.3): a requester who names someone, in any spelling the CA would read as a name it
 * treats specially ([MS-WCCE] 3.2.1.4.2.1.2: blanks and minus signs removed from names), anywhere
 * in his request, gets a refusal and nothing is signed; what he may send is not carried into the
 * agent's controls.
 */
class ForgedAttributesTest {

    static final List<String> FORGED_REQUESTER_NAMES = List.of(
            "requester-name",
            "Requester Name",
            "requester%2Dname",
            "REQUESTERNAME",
            "requester+name",
            " request-er name ",
            "requester%20name",
            "re%71uestername",
            "requester\u2013name",
            "requester\u200Bname");

    private static OnBehalfOfException refused(byte[] request) throws Exception {
        OnBehalfOfSigner signer = new OnBehalfOfSigner(OnBehalfOfSignerTest.agent());
        return assertThrows(OnBehalfOfException.class, () -> signer.sign(request, "LAB\\alice"));
    }

    private static void assertRefusedNaming(byte[] request, String name) throws Exception {
        OnBehalfOfException e = refused(request);
        assertTrue(e.getMessage().contains("(expected: no name the CA reserves"), e.getMessage());
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void aForgedRequesterNameInRegInfoIsRefusedInEverySpelling() throws Exception {
        for (String name : FORGED_REQUESTER_NAMES) {
            byte[] cmc = requesterCmc(ALICE, ALICE_CSR, regInfo(2, "Comment=laptop&" + name + "=LAB%5CAdministrator"));
            assertRefusedNaming(cmc, "requestername");
        }
    }

    @Test
    void aForgedRequesterNameInClientAttributesOrNameValuePairsIsRefused() throws Exception {
        for (String name : FORGED_REQUESTER_NAMES) {
            if (name.contains("%")) {
                continue; // BMPString names are not percent-encoded
            }
            assertRefusedNaming(
                    requesterCmc(ALICE, ALICE_CSR, clientAttributes(2, name, "LAB\\Administrator")), "requestername");
            assertRefusedNaming(
                    requesterCmc(
                            ALICE,
                            ALICE_CSR,
                            new TaggedAttribute(
                                    new BodyPartID(3),
                                    CmcOids.NAME_VALUE_PAIR,
                                    new DERSet(new DERSequence(new ASN1Encodable[] {
                                        new DERUTF8String(name), new DERBMPString("LAB\\Administrator")
                                    })))),
                    "requestername");
        }
    }

    @Test
    void otherNamesTheCaActsOnAreRefusedToo() throws Exception {
        for (String text : List.of(
                "SAN=upn%3DAdministrator%40lab.example",
                "s-a-n=dns%3Ddc1.lab.example",
                "ValidityPeriod=Years&ValidityPeriodUnits=20",
                "Expiration Date=Tue, 21 Nov 2040 01:06:53 GMT",
                "cdc=evil.example",
                "CertificateUsage=1.3.6.1.5.5.7.3.2",
                "cert-file=c:\\x.cer",
                "CertificateTemplate=DomainController",
                // a value that decodes into a second line of pwszAttributes syntax
                "rmd=x%0Arequestername:LAB%5CAdministrator")) {
            assertTrue(
                    refused(requesterCmc(ALICE, ALICE_CSR, regInfo(2, text)))
                            .getMessage()
                            .contains("(expected: no name the CA reserves"),
                    text);
        }
    }

    @Test
    void namesInsideThePkcs10AreCheckedToo() throws Exception {
        byte[] csr = HostileDerTest.pkcs10WithAttribute(
                new Attribute(CmcOids.NAME_VALUE_PAIR, new DERSet(new DERSequence(new ASN1Encodable[] {
                    new DERBMPString("Requester-Name"), new DERBMPString("LAB\\Administrator")
                }))));
        assertRefusedNaming(csr, "requestername");
    }

    @Test
    void theOuterRequestHoldsOnlyTheAgentsControlsAroundTheRequestersPkcs10() throws Exception {
        TaggedAttribute client = clientAttributes(2, "FriendlyName", "laptop");
        TaggedAttribute other = regInfo(5, "Comment=hello");
        byte[] cmc = requesterCmc(ALICE, ALICE_CSR, client, other);
        PKIData data = pkiData(signedData(new OnBehalfOfSigner(OnBehalfOfSignerTest.agent()).sign(cmc, "LAB\\alice")));
        TaggedAttribute[] controls = data.getControlSequence();
        assertEquals(2, controls.length, "the requester's own controls are not signed by the agent");
        assertEquals(CMCObjectIdentifiers.id_cmc_regInfo, controls[0].getAttrType(), "the agent's first");
        assertEquals(CmcOids.NAME_VALUE_PAIR, controls[1].getAttrType());
        TaggedCertificationRequest tcr = TaggedCertificationRequest.getInstance(data.getReqSequence()[0].getValue());
        assertArrayEquals(ALICE_CSR, tcr.getCertificationRequest().getEncoded("DER"));
    }

    @Test
    void theTemplateTheCesDecidedMayBeRepeatedButNotChanged() throws Exception {
        OnBehalfOfSigner signer = new OnBehalfOfSigner(OnBehalfOfSignerTest.agent());
        byte[] same = requesterCmc(ALICE, ALICE_CSR, regInfo(2, "CertificateTemplate=User"));
        signer.sign(same, "LAB\\alice", Map.of("CertificateTemplate", "user"));
        OnBehalfOfException e = assertThrows(
                OnBehalfOfException.class,
                () -> signer.sign(same, "LAB\\alice", Map.of("CertificateTemplate", "Administrator")));
        assertTrue(e.getMessage().contains("certificatetemplate"), e.getMessage());
    }

    @Test
    void normalisationFollowsTheCa() {
        for (String name : FORGED_REQUESTER_NAMES) {
            assertEquals("requestername", RequestAttributeNames.normalise(name), name);
        }
        assertEquals("certificatetemplate", RequestAttributeNames.normalise("Certificate-Template"));
    }

    @Test
    void onlyAllowedAttributesOfTheCesAreForwarded() throws Exception {
        assertEquals(
                Map.of("CertificateTemplate", "User", "rmd", "pc1.lab.example"),
                RequestAttributeNames.forwarded(Map.of("Certificate Template", "User", "rmd", "pc1.lab.example")));
        for (Map<String, String> bad : List.of(
                Map.of("requester-name", "LAB\\Administrator"),
                Map.of("SAN", "upn=Administrator@lab.example"),
                Map.of("FriendlyName", "x"))) {
            OnBehalfOfException e = assertThrows(OnBehalfOfException.class, () -> RequestAttributeNames.forwarded(bad));
            assertTrue(e.getMessage().startsWith("request attribute "), e.getMessage());
        }
    }
}
