package org.cews.lab.ca.policy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.lab.ca.MsOids;
import org.cews.lab.directory.LabAccount;
import org.cews.lab.directory.LabDirectory;
import org.cews.policy.acl.AclFormatException;
import org.cews.policy.acl.Sid;
import org.cews.policy.ldap.DirectoryException;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * The end entity of a certificate being renewed, for [MS-WCCE] 3.2.2.6.2.1.2.4 (renewal on behalf
 * of another subject: the CA identifies the end entity from the renewal and processes the request
 * as if it had called) and for the lab's check that a plain renewal comes from that end entity.
 *
 * <p>The lab identifies the account by the certificate's szOID_NTDS_CA_SECURITY_EXT objectSid
 * ([MS-WCCE] 2.2.2.7.7.4, which the lab writes into what it issues unless the template says
 * CT_FLAG_NO_SECURITY_EXTENSION), else by its UPN otherName in the subject alternative name
 * (an account whose sAMAccountName is the UPN's name part and whose userPrincipalName is the UPN).
 * The subject DN is not used: an enrollee may have supplied it. No SID and no UPN: no end entity.
 */
final class RenewalSubject {

    private RenewalSubject() {}

    static Optional<EndEntity> identify(X509CertificateHolder old, LabDirectory directory) throws PolicyDenied {
        try {
            Optional<Sid> sid = securityExtensionSid(old);
            if (sid.isPresent()) {
                Optional<LabAccount> account = directory.account(sid.get());
                return Optional.of(EndEntity.of(
                        account.orElseThrow(() -> new PolicyDenied(
                                CertSrvErrors.ERROR_NONE_MAPPED,
                                "No account has the SID of the certificate being renewed: " + sid.get() + ".")),
                        account.get().samAccountName()));
            }
            Optional<String> upn = upn(old);
            if (upn.isPresent()) {
                Optional<LabAccount> account = directory
                        .account(new RpcPrincipal(upn.get(), ""))
                        .filter(a -> a.userPrincipalName()
                                .filter(upn.get()::equalsIgnoreCase)
                                .isPresent());
                return Optional.of(EndEntity.of(
                        account.orElseThrow(() -> new PolicyDenied(
                                CertSrvErrors.ERROR_NONE_MAPPED,
                                "No account has the UPN of the certificate being renewed: " + upn.get() + ".")),
                        account.get().samAccountName()));
            }
            return Optional.empty();
        } catch (DirectoryException e) {
            throw new PolicyDenied(
                    CertSrvErrors.ERROR_DS_SERVER_DOWN, "The directory is unavailable: " + e.getMessage());
        }
    }

    /** The account with {@code sid}, from the CA's record of a certificate; empty without one. */
    static Optional<EndEntity> identify(Optional<Sid> sid, LabDirectory directory) throws PolicyDenied {
        if (sid.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<LabAccount> account = directory.account(sid.get());
            return account.map(a -> EndEntity.of(a, a.samAccountName()));
        } catch (DirectoryException e) {
            throw new PolicyDenied(
                    CertSrvErrors.ERROR_DS_SERVER_DOWN, "The directory is unavailable: " + e.getMessage());
        }
    }

    /**
     * A renewal without CR_IN_ROBO is the caller's own: a certificate whose SID extension names
     * another SID, or (without one) whose UPN is not the caller's, is refused with
     * CERTSRV_E_BAD_RENEWAL_SUBJECT rather than issued to the caller. A certificate naming neither
     * (an enrollee-supplied subject) cannot be told apart and goes on.
     */
    static void requireCallerOwns(X509CertificateHolder old, EndEntity caller) throws PolicyDenied {
        Optional<Sid> sid = securityExtensionSid(old);
        Optional<String> upn = upn(old);
        boolean other = sid.isPresent()
                ? !sid.get().equals(caller.account().sid())
                : upn.isPresent()
                        && caller.account()
                                .userPrincipalName()
                                .filter(upn.get()::equalsIgnoreCase)
                                .isEmpty();
        if (other) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_BAD_RENEWAL_SUBJECT,
                    "The certificate being renewed belongs to "
                            + sid.map(Sid::toString).orElseGet(upn::get)
                            + ", not to the caller " + caller.name()
                            + "; a renewal on behalf of another subject sets CR_IN_ROBO.");
        }
    }

    /** [MS-WCCE] 2.2.2.7.7.4: GeneralNames with an otherName szOID_NTDS_OBJECTSID holding the SID string. */
    static Optional<Sid> securityExtensionSid(X509CertificateHolder old) throws PolicyDenied {
        Extension ext = old.getExtension(MsOids.NTDS_CA_SECURITY_EXT);
        if (ext == null) {
            return Optional.empty();
        }
        try {
            for (GeneralName name :
                    GeneralNames.getInstance(ext.getParsedValue()).getNames()) {
                if (name.getTagNo() == GeneralName.otherName) {
                    OtherName other = OtherName.getInstance(name.getName());
                    if (other.getTypeID().equals(MsOids.NTDS_OBJECTSID)) {
                        return Optional.of(Sid.parse(new String(octets(other.getValue()), StandardCharsets.US_ASCII)));
                    }
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException | AclFormatException e) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE,
                    "The SID extension of the certificate being renewed cannot be read: " + e.getMessage());
        }
    }

    private static byte[] octets(ASN1Encodable value) {
        ASN1Encodable v = value instanceof ASN1TaggedObject t ? t.getBaseObject() : value;
        return ASN1OctetString.getInstance(v).getOctets();
    }

    private static Optional<String> upn(X509CertificateHolder old) {
        GeneralNames san = GeneralNames.fromExtensions(old.getExtensions(), Extension.subjectAlternativeName);
        if (san == null) {
            return Optional.empty();
        }
        for (GeneralName name : san.getNames()) {
            if (name.getTagNo() == GeneralName.otherName) {
                OtherName other = OtherName.getInstance(name.getName());
                if (other.getTypeID().equals(MsOids.NT_PRINCIPAL_NAME) && other.getValue() instanceof ASN1String upn) {
                    return Optional.of(upn.getString());
                }
            }
        }
        return Optional.empty();
    }
}
