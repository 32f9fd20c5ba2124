package org.cews.wcce.cmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmc.CertificationRequest;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/**
 * Hostile DER from a requester ends in an {@link OnBehalfOfException} before Bouncy Castle's
 * recursive parser sees it: deep nesting (which overflowed the stack), lengths past the end,
 * truncation at every length, oversized input, and the same inside the encodings that sit in
 * OCTET STRINGs (a CMS eContent, an extension value).
 */
class HostileDerTest {

    /** {@code levels} SEQUENCEs, each holding the next, around an INTEGER 0. */
    static byte[] nested(int levels) {
        byte[] inner = {0x02, 0x01, 0x00};
        for (int i = 0; i < levels; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x30);
            int n = inner.length;
            if (n < 0x80) {
                out.write(n);
            } else if (n < 0x100) {
                out.write(0x81);
                out.write(n);
            } else if (n < 0x10000) {
                out.write(0x82);
                out.write(n >> 8);
                out.write(n);
            } else {
                out.write(0x83);
                out.write(n >> 16);
                out.write(n >> 8);
                out.write(n);
            }
            out.writeBytes(inner);
            inner = out.toByteArray();
        }
        return inner;
    }

    private static OnBehalfOfException refused(byte[] request) throws Exception {
        OnBehalfOfSigner signer = new OnBehalfOfSigner(OnBehalfOfSignerTest.agent());
        return assertThrows(OnBehalfOfException.class, () -> signer.sign(request, "LAB\\alice"));
    }

    @Test
    void fiveThousandNestedSequencesAreACheckedError() throws Exception {
        byte[] bomb = nested(5000);
        assertTrue(bomb.length > 15_000 && bomb.length < 25_000, "about 20 KB: " + bomb.length);
        OnBehalfOfException e = refused(bomb);
        assertEquals("X6900102 request nesting (expected: at most 32 levels, actual: more)", e.getMessage());
    }

    @Test
    void nestingInsideTheCmsContentIsACheckedError() throws Exception {
        byte[] cms = new ContentInfo(
                        CMSObjectIdentifiers.signedData,
                        new SignedData(
                                new DERSet(),
                                new ContentInfo(CMSObjectIdentifiers.data, new DEROctetString(nested(5000))),
                                null,
                                null,
                                new DERSet()))
                .getEncoded("DER");
        OnBehalfOfException e = refused(cms);
        assertEquals("X6900102 CMS eContent nesting (expected: at most 32 levels, actual: more)", e.getMessage());
    }

    @Test
    void nestingInsideAnExtensionOfThePkcs10IsACheckedError() throws Exception {
        // The agent reads the requested key's subjectKeyIdentifier extension: its value is parsed too.
        Extensions extensions = new Extensions(new Extension(Extension.subjectKeyIdentifier, false, nested(5000)));
        byte[] csr = pkcs10WithAttribute(
                new Attribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new DERSet(extensions)));
        OnBehalfOfException e = refused(csr);
        assertEquals(
                "X6900102 subjectKeyIdentifier extension nesting (expected: at most 32 levels, actual: more)",
                e.getMessage());
    }

    @Test
    void aMalformedExtensionValueIsACheckedError() throws Exception {
        Extensions extensions =
                new Extensions(new Extension(Extension.subjectKeyIdentifier, false, new byte[] {0x30, 0x00}));
        byte[] csr = pkcs10WithAttribute(
                new Attribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new DERSet(extensions)));
        assertTrue(refused(csr).getMessage().contains("subjectKeyIdentifier extension"));
    }

    /** A PKCS#10 with the requester's key and one attribute; the signature bytes are not checked by the agent. */
    static byte[] pkcs10WithAttribute(Attribute attribute) throws Exception {
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(
                OnBehalfOfSignerTest.ALICE.getPublic().getEncoded());
        DERSequence info = new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(0),
            new X500Name("CN=alice"),
            key,
            new org.bouncycastle.asn1.DERTaggedObject(false, 0, new DERSet(attribute))
        });
        return CertificationRequest.getInstance(new DERSequence(new ASN1Encodable[] {
                    info,
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption),
                    new DERBitString(new byte[256])
                }))
                .getEncoded("DER");
    }

    @Test
    void lengthsPastTheEndAndOversizedInputAreCheckedErrors() throws Exception {
        assertTrue(refused(new byte[] {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})
                .getMessage()
                .startsWith("X6900103 request is not BER at offset 0 (expected: contents within 0 octets"));
        assertTrue(refused(new byte[] {0x30, (byte) 0x85, 1, 1, 1, 1, 1})
                .getMessage()
                .contains("four octets"));
        assertTrue(refused(new byte[] {0x30, (byte) 0x80, 0x02, 0x01, 0x00})
                .getMessage()
                .contains("end-of-contents"));
        assertTrue(refused(new byte[] {0x30, 0x00, 0x30, 0x00}).getMessage().contains("2 octets after the value"));
        byte[] huge = new byte[ClientDer.MAX_LENGTH + 1];
        huge[0] = 0x04;
        assertEquals(
                "X6900101 request length (expected: at most 262144 octets, actual: 262145)",
                refused(huge).getMessage());
    }

    @Test
    void everyTruncationOfNestedInputIsACheckedError() throws Exception {
        byte[] deep = nested(40);
        for (int n = 0; n < deep.length; n++) {
            refused(Arrays.copyOf(deep, n));
        }
    }

    @Test
    void theGateAcceptsWhatRealRequestsLookLike() throws Exception {
        ClientDer.check(nested(ClientDer.MAX_DEPTH - 1), "request");
        ClientDer.check(OnBehalfOfSignerTest.ALICE_CSR, "request");
        // BER: an indefinite-length SEQUENCE closed by end-of-contents.
        ClientDer.check(new byte[] {0x30, (byte) 0x80, 0x02, 0x01, 0x00, 0x00, 0x00}, "request");
    }
}
