package org.cews.lab.ca.request;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.cews.lab.ca.Bc;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.lab.ca.MsOids;
import org.cews.wcce.msicpr.HResult;

/**
 * Reads CMS requests: SignedData over id-data holding a PKCS#10 ([MS-WCCE] 3.2.1.4.2.1.4.1.2,
 * renewal 3.2.1.4.2.1.4.2.1, on behalf of 3.2.2.6.2.1.2.1.1) or over id-cct-PKIData holding CMC
 * ([MS-WCCE] 3.2.1.4.2.1.4.1.3; {@link CmcContent}). Every SignerInfo must verify: with a
 * certificate the SignedData carries, or, in the subjectKeyIdentifier form, with the requested key
 * (RFC 2797 4.2, what Windows certreq sends). id-alg-noSignature signers are skipped.
 *
 * <p>The spec puts an on-behalf-of request's requestername among the authenticated attributes of
 * the first SignerInfo ([MS-WCCE] 3.2.2.6.2.1.2.1.1), the enrollment agent's. signerInfos is a SET,
 * whose DER order need not be the signing order, so the pairs of every SignerInfo are read, in
 * encoding order, but a requestername (in any spelling the CA normalises, {@link
 * RequestAttributes#canonicalName}) counts only where a certificate of the SignedData verified the
 * signature: one in a SignerInfo signed by the requested key (which the requester holds) or by
 * nobody (id-alg-noSignature) is refused, not skipped, since it can only be a forgery. A request
 * whose envelope names two different requesters (in one SignerInfo, several, or CMC RegInfo and
 * name-value controls) is refused too: the spec knows one requestername, and the lab will not
 * guess which one AD CS would take. Both refusals are CERTSRV_E_BAD_REQUESTSUBJECT [inferred].
 */
final class CmsRequestReader {

    private CmsRequestReader() {}

    static ParsedRequest read(byte[] der) throws RequestRejected {
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            throw new RequestRejected(
                    CertSrvErrors.CRYPT_E_ASN1_BADTAG, "CMS (expected: SignedData, actual: " + e.getMessage() + ")", e);
        }
        Object content =
                cms.getSignedContent() == null ? null : cms.getSignedContent().getContent();
        if (!(content instanceof byte[] bytes)) {
            throw new RequestRejected(HResult.ERROR_INVALID_DATA, "CMS eContent (expected: a request, actual: absent)");
        }
        ASN1ObjectIdentifier type = new ASN1ObjectIdentifier(cms.getSignedContentTypeOID());
        RequestFormat format;
        Pkcs10Request pkcs10;
        RequestAttributes envelope;
        if (type.equals(CMSObjectIdentifiers.data)) {
            format = RequestFormat.CMS_PKCS10;
            pkcs10 = readPkcs10(bytes);
            envelope = RequestAttributes.NONE;
        } else if (type.equals(CmcContent.PKI_DATA)) {
            format = RequestFormat.CMS_CMC;
            CmcContent cmc = CmcContent.read(bytes);
            pkcs10 = readPkcs10(cmc.certificationRequest());
            envelope = cmc.attributes();
        } else {
            throw new RequestRejected(
                    HResult.CRYPT_E_INVALID_MSG_TYPE,
                    "CMS eContentType (expected: id-data or id-cct-PKIData, actual: " + type + ")");
        }
        List<CmsSigner> signers = verifySigners(cms, pkcs10);
        pkcs10.verifyProofOfPossession(true);
        if (format == RequestFormat.CMS_PKCS10) {
            for (SignerInformation info : cms.getSignerInfos().getSigners()) {
                envelope = envelope.plus(signedPairs(info));
            }
        }
        requireOneRequester(envelope);
        return new ParsedRequest(format, pkcs10, signers, envelope);
    }

    private static Pkcs10Request readPkcs10(byte[] bytes) throws RequestRejected {
        try {
            return Pkcs10Request.read(bytes);
        } catch (RequestRejected e) {
            if (e.code().equals(CertSrvErrors.CRYPT_E_ASN1_BADTAG) || e.code().equals(CertSrvErrors.CRYPT_E_ASN1_EOD)) {
                throw new RequestRejected(
                        HResult.ERROR_INVALID_DATA, "eContent (expected: PKCS#10, actual: " + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private static List<CmsSigner> verifySigners(CMSSignedData cms, Pkcs10Request pkcs10) throws RequestRejected {
        Collection<SignerInformation> infos = cms.getSignerInfos().getSigners();
        if (infos.isEmpty()) {
            throw new RequestRejected(HResult.CRYPT_E_NO_SIGNER, "CMS signerInfos (expected: 1 or more, actual: 0)");
        }
        List<CmsSigner> signers = new ArrayList<>();
        for (SignerInformation info : infos) {
            if (MsOids.NO_SIGNATURE.getId().equals(info.getEncryptionAlgOID())) {
                refuseRequesterName(info, "an unsigned SignerInfo (id-alg-noSignature)");
                continue;
            }
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(info.getSID());
            if (!matches.isEmpty()) {
                X509CertificateHolder cert = matches.iterator().next();
                verify(info, key(cert.getSubjectPublicKeyInfo()), "signer " + cert.getSubject());
                signers.add(new CmsSigner(cert, signedPairs(info)));
            } else if (isRequestKey(info.getSID().getSubjectKeyIdentifier(), pkcs10)) {
                verify(info, key(pkcs10.request().getSubjectPublicKeyInfo()), "signer (the requested key)");
                refuseRequesterName(info, "a SignerInfo of the requested key");
            } else {
                throw new RequestRejected(
                        CertSrvErrors.CRYPT_E_SIGNER_NOT_FOUND,
                        "CMS signer certificate (expected: in certificates, actual: absent for " + info.getSID() + ")");
            }
        }
        return signers;
    }

    private static void verify(SignerInformation info, PublicKey key, String who) throws RequestRejected {
        boolean valid;
        try {
            valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(Bc.PROVIDER)
                    .build(key));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new RequestRejected(
                    CertSrvErrors.NTE_BAD_SIGNATURE, "CMS " + who + " (expected: a valid signature, actual: invalid)");
        }
    }

    private static PublicKey key(SubjectPublicKeyInfo spki) throws RequestRejected {
        try {
            return new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPublicKey(spki);
        } catch (IOException | RuntimeException e) {
            throw new RequestRejected(
                    CertSrvErrors.NTE_BAD_ALGID, "public key (expected: a usable key, actual: " + e.getMessage() + ")");
        }
    }

    /** The SKI names the requested key: its SHA-1 (RFC 5280 4.2.1.2 method 1) or the request's SKI extension. */
    private static boolean isRequestKey(byte[] ski, Pkcs10Request pkcs10) throws RequestRejected {
        if (ski == null) {
            return false;
        }
        Extension requested = pkcs10.extensions().getExtension(Extension.subjectKeyIdentifier);
        if (requested != null
                && MessageDigest.isEqual(
                        ski,
                        SubjectKeyIdentifier.getInstance(requested.getParsedValue())
                                .getKeyIdentifier())) {
            return true;
        }
        try {
            byte[] bits = pkcs10.request()
                    .getSubjectPublicKeyInfo()
                    .getPublicKeyData()
                    .getBytes();
            return MessageDigest.isEqual(ski, MessageDigest.getInstance("SHA-1").digest(bits));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }

    /** A requestername where no enrollment agent's certificate vouches for it. */
    private static void refuseRequesterName(SignerInformation info, String where) throws RequestRejected {
        List<String> names = signedPairs(info).all(ParsedRequest.REQUESTER_NAME);
        if (!names.isEmpty()) {
            throw new RequestRejected(
                    CertSrvErrors.CERTSRV_E_BAD_REQUESTSUBJECT,
                    "requestername (expected: in an enrollment agent's SignerInfo, actual: " + names + " in " + where
                            + ")");
        }
    }

    /** At most one requester, however often it is named ([MS-WCCE] 3.2.2.6.2.1.2.1). */
    private static void requireOneRequester(RequestAttributes envelope) throws RequestRejected {
        List<String> names = envelope.all(ParsedRequest.REQUESTER_NAME);
        long distinct = names.stream()
                .map(n -> n.strip().toUpperCase(java.util.Locale.ROOT))
                .distinct()
                .count();
        if (distinct > 1) {
            throw new RequestRejected(
                    CertSrvErrors.CERTSRV_E_BAD_REQUESTSUBJECT,
                    "requestername (expected: one requester, actual: " + names + ")");
        }
    }

    private static RequestAttributes signedPairs(SignerInformation info) throws RequestRejected {
        AttributeTable table = info.getSignedAttributes();
        org.bouncycastle.asn1.cms.Attribute nvp = table == null ? null : table.get(MsOids.NAME_VALUE_PAIR);
        return nvp == null ? RequestAttributes.NONE : NameValuePairs.decode(nvp.getAttrValues());
    }
}
