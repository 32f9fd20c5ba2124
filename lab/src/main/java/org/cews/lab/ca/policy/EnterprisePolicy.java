package org.cews.lab.ca.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cews.lab.ca.CertSrvErrors;
import org.cews.lab.ca.issue.CaIdentity;
import org.cews.lab.ca.request.ParsedRequest;
import org.cews.lab.ca.request.RequestRejected;
import org.cews.lab.ca.request.TemplateId;
import org.cews.lab.directory.LabAccount;
import org.cews.lab.directory.LabDirectory;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentService;
import org.cews.policy.model.PrivateKeyFlag;
import org.cews.wcce.msicpr.HResult;
import org.cews.wcce.msicpr.RequestFlag;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * The enterprise CA policy algorithm ([MS-WCCE] 3.2.2.6.2.1.4), in AD CS's order:
 *
 * <ol>
 *   <li>the caller may enroll on this CA at all ({@link Permissions#requireCaEnroll});
 *   <li>the request names exactly one template, published on this CA, not newer than the
 *       directory's ({@link TemplateResolver});
 *   <li>renewal rules ({@link RenewalRules}); enroll-on-behalf-of and RA signature rules ({@link
 *       SignatureRules}), the requester of an on-behalf-of request looked up by its requestername;
 *   <li>Enroll on the template for the caller (skipped for a key-based renewal) and, on behalf of
 *       someone, for the requester too ({@link Permissions#requireTemplateEnroll});
 *   <li>the key ({@link KeyRules}), the names ({@link SubjectRules}), the extensions ({@link
 *       ExtensionRules}) and the validity (pKIExpirationPeriod, [MS-WCCE] 3.2.2.6.2.1.4.4.2);
 *   <li>CT_FLAG_PEND_ALL_REQUESTS pends, unless an officer already approved or the old certificate
 *       approves the re-enrollment.
 * </ol>
 *
 * Renewal on behalf of others (CR_IN_ROBO, [MS-WCCE] 3.2.2.6.2.1.2.4) is accepted
 * (Config_CA_Allow_RenewOnBehalfOf_Requests true): the renewal's signature, checked by {@link
 * RenewalRules}, authenticates it; the end entity of the old certificate ({@link RenewalSubject}:
 * its SID extension or UPN, else this CA's own record of whom it issued the certificate to, {@link
 * IssuedCertificates}) takes the caller's place for everything after the template: Enroll, names,
 * SID extension. An end entity that cannot be identified is an error, as 3.2.2.6.2.1.2.4 says,
 * key-based renewals included. Without the flag, a renewal of a certificate whose end entity is not
 * the caller is refused (CERTSRV_E_BAD_RENEWAL_SUBJECT): the lab would otherwise issue it to the
 * caller.
 */
public final class EnterprisePolicy {

    private final CaIdentity ca;
    private final LabDirectory directory;
    private final Clock clock;
    private final IssuedCertificates issued;

    public EnterprisePolicy(CaIdentity ca, LabDirectory directory, Clock clock, IssuedCertificates issued) {
        this.ca = ca;
        this.directory = directory;
        this.clock = clock;
        this.issued = issued;
    }

    public PolicyOutcome evaluate(PolicyRequest in, PolicySnapshot policy) {
        Optional<String> template = Optional.empty();
        Optional<EndEntity> requester = Optional.empty();
        try {
            EnrollmentService service = policy.enrollmentService(ca.name())
                    .orElseThrow(() -> new PolicyDenied(
                            HResult.CERTSRV_E_UNSUPPORTED_CERT_TYPE,
                            "No pKIEnrollmentService named " + ca.name() + " lists templates for this CA."));
            Permissions.requireCaEnroll(service, in.caller());
            ParsedRequest request = in.request();
            CertificateTemplate t = TemplateResolver.resolve(templateIds(in), policy, service);
            template = Optional.of(t.cn());
            boolean robo = in.flags().has(RequestFlag.ROBO_RENEWAL);
            Optional<EndEntity> owner = robo ? renewalOwner(request) : Optional.empty();
            EndEntity caller = owner.orElse(in.caller());
            RenewalFacts renewal = RenewalRules.check(request, t, policy, ca, clock.instant(), caller);
            if (robo) {
                requireRenewalOnBehalf(owner, service);
            } else if (renewal.isRenewal()) {
                RenewalSubject.requireCallerOwns(renewal.oldCertificate().get(), in.caller());
            }
            Optional<String> onBehalfOf = request.requesterName();
            SignatureRules.check(request, t, onBehalfOf.isPresent(), renewal, ca, clock.instant());
            EndEntity subject = onBehalfOf.isPresent() ? lookup(onBehalfOf.get()) : caller;
            requester = Optional.of(subject);
            if (!renewal.keyBased()) {
                Permissions.requireTemplateEnroll(t, caller);
            }
            if (onBehalfOf.isPresent()) {
                Permissions.requireTemplateEnroll(t, subject);
            }
            requireNoArchival(t, renewal);
            SubjectPublicKeyInfo key = request.pkcs10().request().getSubjectPublicKeyInfo();
            KeyRules.KeyFacts facts = KeyRules.check(key, t);
            SubjectNames names = SubjectRules.keepOldAltNames(SubjectRules.build(request, t, subject), renewal, t);
            CertificateOrder order = new CertificateOrder(
                    t,
                    subject,
                    names.subject(),
                    key,
                    ExtensionRules.build(t, names, facts, request.pkcs10().extensions()),
                    t.validityPeriod());
            boolean pend = t.pendsAllRequests() && !in.officerApproved() && !renewal.reenrollmentApproved();
            return pend ? new PolicyOutcome.Pend(order) : new PolicyOutcome.Issue(order);
        } catch (PolicyDenied d) {
            return new PolicyOutcome.Deny(d.code(), d.getMessage(), template, requester);
        }
    }

    /**
     * The end entity of the certificate a CR_IN_ROBO request renews: the account the certificate
     * names, else the one this CA issued it to; not looked up for a certificate of another CA, which
     * {@link RenewalRules} refuses.
     */
    private Optional<EndEntity> renewalOwner(ParsedRequest request) throws PolicyDenied {
        if (request.renewalCertificate().isEmpty()) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_BAD_RENEWAL_CERT_ATTRIBUTE,
                    "CR_IN_ROBO is set, and the request is not a renewal (no szOID_RENEWAL_CERTIFICATE in a"
                            + " signed CMS).");
        }
        X509CertificateHolder old = request.renewalCertificate().get();
        if (!ca.issued(old)) {
            return Optional.empty();
        }
        Optional<EndEntity> named = RenewalSubject.identify(old, directory);
        return named.isPresent() ? named : RenewalSubject.identify(issued.endEntity(old), directory);
    }

    /**
     * [MS-WCCE] 3.2.2.6.2.1.2.4: "If the CA fails to identify the end entity, it MUST return a
     * nonzero error"; the end entity must also be allowed to enroll on this CA.
     */
    private static void requireRenewalOnBehalf(Optional<EndEntity> owner, EnrollmentService service)
            throws PolicyDenied {
        if (owner.isEmpty()) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_BAD_RENEWAL_SUBJECT,
                    "The end entity of the certificate being renewed on its behalf cannot be identified: it names"
                            + " no account (no SID extension, no UPN) and this CA has no record of issuing it.");
        }
        Permissions.requireCaEnroll(service, owner.get());
    }

    /**
     * [MS-WCCE] 3.2.2.6.2.1.4.5.7 CT_FLAG_REQUIRE_PRIVATE_KEY_ARCHIVAL: the lab CA has no key
     * recovery agent and takes no key archival requests, so such a template is refused, except for a
     * same-key renewal, where the spec lets the CA ignore the flag.
     */
    private static void requireNoArchival(CertificateTemplate t, RenewalFacts renewal) throws PolicyDenied {
        boolean sameKeyRenewal =
                renewal.isRenewal() && t.privateKeyFlags().has(PrivateKeyFlag.CT_FLAG_REQUIRE_SAME_KEY_RENEWAL);
        if (t.privateKeyFlags().has(PrivateKeyFlag.CT_FLAG_REQUIRE_PRIVATE_KEY_ARCHIVAL) && !sameKeyRenewal) {
            throw new PolicyDenied(
                    CertSrvErrors.CERTSRV_E_ARCHIVED_KEY_REQUIRED,
                    t.cn() + " requires key archival, which this CA does not do.");
        }
    }

    private static List<TemplateId> templateIds(PolicyRequest in) throws PolicyDenied {
        List<TemplateId> ids = new ArrayList<>();
        try {
            ids.addAll(in.request().templateIds());
        } catch (RequestRejected e) {
            throw new PolicyDenied(e.code(), e.getMessage());
        }
        for (String v : in.callAttributes().all("CertificateTemplate")) {
            ids.add(TemplateId.fromAttribute(v, "CertificateTemplate attribute"));
        }
        return ids;
    }

    /** The requestername of an on-behalf-of request, {@code DOMAIN\name}, as an account. */
    private EndEntity lookup(String requesterName) throws PolicyDenied {
        int slash = requesterName.indexOf('\\');
        RpcPrincipal principal = slash < 0
                ? new RpcPrincipal(requesterName, "")
                : new RpcPrincipal(requesterName.substring(slash + 1), requesterName.substring(0, slash));
        Optional<LabAccount> account;
        try {
            account = directory.account(principal);
        } catch (DirectoryException e) {
            throw new PolicyDenied(
                    CertSrvErrors.ERROR_DS_SERVER_DOWN, "The directory is unavailable: " + e.getMessage());
        }
        return EndEntity.of(
                account.orElseThrow(() -> new PolicyDenied(
                        CertSrvErrors.ERROR_NONE_MAPPED,
                        "No mapping between account names and security IDs was done: requestername " + requesterName
                                + ".")),
                requesterName);
    }
}
