package org.cews.lab.ca.policy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.lab.ca.MsOids;
import org.cews.lab.ca.request.ParsedRequest;
import org.cews.lab.directory.LabAccount;
import org.cews.policy.FlagWord;
import org.cews.policy.model.CertificateNameFlag;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentFlag;
import org.cews.policy.model.GeneralFlag;
import org.cews.wcce.msicpr.HResult;

/**
 * Subject and subject alternative names from msPKI-Certificate-Name-Flag ([MS-WCCE]
 * 3.2.2.6.2.1.4.5.9, with CT_FLAG_MACHINE_TYPE of 3.2.2.6.2.1.4.4.1): from the directory entry of
 * the requester unless the template lets the enrollee supply them; the security extension
 * (2.2.2.7.7.4) with the requester's objectSid unless CT_FLAG_NO_SECURITY_EXTENSION.
 *
 * <p>Interop: the spec tells the CA to ignore CT_FLAG_ENROLLEE_SUPPLIES_SUBJECT_ALT_NAME; AD CS
 * copies the request's SAN when it is set, and so does the lab. The directory DN is written in
 * X.509 order (DC first) with E= appended, as AD CS builds "DC=example, DC=lab, CN=Users, CN=Alice".
 * CT_FLAG_SUBJECT_ALT_REQUIRE_DOMAIN_DNS needs an LSA call the lab cannot make and is ignored.
 */
public final class SubjectRules {

    private SubjectRules() {}

    public static SubjectNames build(ParsedRequest request, CertificateTemplate template, EndEntity requester)
            throws PolicyDenied {
        FlagWord<CertificateNameFlag> flags = template.nameFlags();
        LabAccount account = requester.account();
        boolean machine = template.generalFlags().has(GeneralFlag.CT_FLAG_MACHINE_TYPE);
        X500Name requested = request.pkcs10().request().getSubject();
        Extensions requestedExtensions = request.pkcs10().extensions();
        List<GeneralName> san = new ArrayList<>();
        if (flags.has(CertificateNameFlag.CT_FLAG_ENROLLEE_SUPPLIES_SUBJECT)) {
            san.addAll(requestedSan(requestedExtensions));
            if (requested.getRDNs().length == 0 && san.isEmpty()) {
                throw new PolicyDenied(
                        CertSrvErrors.CERTSRV_E_BAD_REQUESTSUBJECT,
                        template.cn() + " takes the subject from the request, and the request has none.");
            }
            Optional<Extension> sid = noSecurityExtension(template)
                    ? Optional.empty()
                    : Optional.ofNullable(requestedExtensions.getExtension(MsOids.NTDS_CA_SECURITY_EXT));
            return new SubjectNames(requested, san, sid);
        }
        if (machine
                && (flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_REQUIRE_COMMON_NAME)
                        || flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_REQUIRE_DNS_AS_CN)
                        || flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_ALT_REQUIRE_DNS))) {
            dns(account, template);
        }
        List<RDN> rdns = new ArrayList<>();
        if (flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_REQUIRE_DIRECTORY_PATH)) {
            RDN[] ldapOrder = new X500Name(BCStyle.INSTANCE, account.dn()).getRDNs();
            for (int i = ldapOrder.length - 1; i >= 0; i--) {
                rdns.add(ldapOrder[i]);
            }
        } else if (flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_REQUIRE_COMMON_NAME)
                || flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_REQUIRE_DNS_AS_CN)) {
            String cn = machine ? dns(account, template) : commonName(account);
            rdns.add(new RDN(BCStyle.CN, new DERUTF8String(cn)));
        }
        if (flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_REQUIRE_EMAIL)) {
            rdns.add(new RDN(BCStyle.EmailAddress, new DERIA5String(mail(account, template))));
        }
        if (flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_ALT_REQUIRE_DIRECTORY_GUID)) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_SUBJECT_DIRECTORY_GUID_REQUIRED,
                    template.cn() + " needs the objectGUID of " + account.samAccountName()
                            + ", which the lab directory does not provide.");
        }
        if (flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_ALT_REQUIRE_UPN)
                || flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_ALT_REQUIRE_SPN)) {
            String upn = account.userPrincipalName()
                    .orElseThrow(() -> new PolicyDenied(
                            CertSrvErrors.CERTSRV_E_SUBJECT_UPN_REQUIRED,
                            "The UPN is unavailable and cannot be added to the Subject Alternate name: "
                                    + account.samAccountName() + " has no userPrincipalName."));
            san.add(new GeneralName(
                    GeneralName.otherName, new OtherName(MsOids.NT_PRINCIPAL_NAME, new DERUTF8String(upn))));
        }
        if (flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_ALT_REQUIRE_EMAIL)) {
            san.add(new GeneralName(GeneralName.rfc822Name, mail(account, template)));
        }
        if (flags.has(CertificateNameFlag.CT_FLAG_SUBJECT_ALT_REQUIRE_DNS)) {
            san.add(new GeneralName(GeneralName.dNSName, dns(account, template)));
        }
        if (flags.has(CertificateNameFlag.CT_FLAG_ENROLLEE_SUPPLIES_SUBJECT_ALT_NAME)) {
            san.addAll(requestedSan(requestedExtensions));
        }
        X500Name subject = new X500Name(rdns.toArray(RDN[]::new));
        if (rdns.isEmpty() && san.isEmpty()) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_BAD_REQUESTSUBJECT,
                    template.cn() + " gives neither a subject nor an alternative name for " + account.samAccountName()
                            + ".");
        }
        Optional<Extension> sid =
                noSecurityExtension(template) ? Optional.empty() : Optional.of(securityExtension(account));
        return new SubjectNames(subject, san, sid);
    }

    /**
     * [MS-WCCE] 3.2.2.6.2.1.4.5.6, CT_FLAG_PREVIOUS_APPROVAL_VALIDATE_REENROLLMENT: when the old
     * certificate approves a re-enrollment and the enrollee supplies the subject, the old
     * certificate's SAN extension goes into the new one.
     */
    public static SubjectNames keepOldAltNames(SubjectNames names, RenewalFacts renewal, CertificateTemplate template) {
        if (!renewal.reenrollmentApproved()
                || !template.nameFlags().has(CertificateNameFlag.CT_FLAG_ENROLLEE_SUPPLIES_SUBJECT)) {
            return names;
        }
        GeneralNames old = GeneralNames.fromExtensions(
                renewal.oldCertificate().orElseThrow().getExtensions(), Extension.subjectAlternativeName);
        return old == null
                ? names
                : new SubjectNames(names.subject(), Arrays.asList(old.getNames()), names.securityExtension());
    }

    /** [MS-WCCE] 2.2.2.7.7.4: GeneralNames with one otherName szOID_NTDS_OBJECTSID = the SID string. */
    public static Extension securityExtension(LabAccount account) {
        OtherName sid = new OtherName(
                MsOids.NTDS_OBJECTSID,
                new org.bouncycastle.asn1.DEROctetString(
                        account.sid().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        try {
            return new Extension(
                    MsOids.NTDS_CA_SECURITY_EXT,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.otherName, sid)).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed: " + e.getMessage(), e);
        }
    }

    private static boolean noSecurityExtension(CertificateTemplate template) {
        return template.enrollmentFlags().has(EnrollmentFlag.CT_FLAG_NO_SECURITY_EXTENSION);
    }

    private static List<GeneralName> requestedSan(Extensions extensions) {
        GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        return names == null ? List.of() : Arrays.asList(names.getNames());
    }

    private static String dns(LabAccount account, CertificateTemplate template) throws PolicyDenied {
        return account.dnsHostName()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new PolicyDenied(
                        HResult.CERTSRV_E_SUBJECT_DNS_REQUIRED,
                        "The DNS name is unavailable and cannot be added to the Subject Alternate name: "
                                + account.samAccountName() + " has no dNSHostName (" + template.cn() + ")."));
    }

    private static String mail(LabAccount account, CertificateTemplate template) throws PolicyDenied {
        return account.mail()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new PolicyDenied(
                        CertSrvErrors.CERTSRV_E_SUBJECT_EMAIL_REQUIRED,
                        "The e-mail name is unavailable and cannot be added to the Subject or Subject Alternate name: "
                                + account.samAccountName() + " has no mail (" + template.cn() + ")."));
    }

    private static String commonName(LabAccount account) {
        RDN[] rdns = new X500Name(BCStyle.INSTANCE, account.dn()).getRDNs();
        return rdns.length > 0 ? rdns[0].getFirst().getValue().toString() : account.samAccountName();
    }
}
