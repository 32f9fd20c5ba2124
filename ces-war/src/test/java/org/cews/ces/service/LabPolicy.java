package org.cews.ces.service;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFReader;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cews.policy.acl.CallerSids;
import org.cews.policy.acl.Sid;
import org.cews.policy.acl.WellKnownSids;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.model.AttributeSource;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentService;
import org.cews.policy.model.EnrollmentServiceDecoder;
import org.cews.policy.model.TemplateDecoder;
import org.cews.soap.auth.Account;
import org.cews.soap.auth.AuthMode;
import org.cews.soap.auth.CallerIdentity;

/**
 * The lab forest's policy (ldap-policy's lab-pki.ldif, the same the lab CA and Samba load) as a
 * snapshot, and its accounts as callers with their SIDs (lab-accounts.ldif).
 */
public final class LabPolicy {

    public static final String CA = "Lab-Issuing-CA";
    public static final Sid DOMAIN = Sid.of(5, 21, 2918375215L, 1429853364L, 3387426671L);
    public static final Sid DOMAIN_USERS = DOMAIN.withRid(WellKnownSids.RID_DOMAIN_USERS);
    public static final Sid DOMAIN_COMPUTERS = DOMAIN.withRid(WellKnownSids.RID_DOMAIN_COMPUTERS);
    public static final Sid WEB_SERVER_ENROLLERS = DOMAIN.withRid(1110);
    public static final Sid PKI_ENROLL_BLOCKED = DOMAIN.withRid(1111);

    private LabPolicy() {}

    public static PolicySnapshot snapshot() throws Exception {
        List<CertificateTemplate> templates = new ArrayList<>();
        List<EnrollmentService> cas = new ArrayList<>();
        try (InputStream in = LabPolicy.class.getResourceAsStream("/org/cews/policy/fixtures/lab-pki.ldif");
                LDIFReader ldif = new LDIFReader(in)) {
            for (Entry e = ldif.readEntry(); e != null; e = ldif.readEntry()) {
                if (e.hasObjectClass("pKICertificateTemplate")) {
                    templates.add(TemplateDecoder.decode(source(e)));
                } else if (e.hasObjectClass("pKIEnrollmentService")) {
                    cas.add(EnrollmentServiceDecoder.decode(source(e)));
                }
            }
        }
        return new PolicySnapshot(
                "CN=Configuration,DC=lab,DC=example",
                templates,
                cas,
                List.of(),
                Optional.empty(),
                List.of(),
                Instant.parse("2026-06-01T00:00:00Z"));
    }

    public static CallerIdentity alice(AuthMode mode) {
        return account(mode, "alice", 1104, DOMAIN_USERS, WEB_SERVER_ENROLLERS);
    }

    public static CallerIdentity bob(AuthMode mode) {
        return account(mode, "bob", 1105, DOMAIN_USERS, PKI_ENROLL_BLOCKED);
    }

    public static CallerIdentity web01(AuthMode mode) {
        return account(mode, "WEB01$", 1107, DOMAIN_COMPUTERS);
    }

    public static CallerIdentity account(AuthMode mode, String sam, long rid, Sid... groups) {
        CallerSids sids = CallerSids.authenticated(DOMAIN.withRid(rid), Set.of(groups));
        return new CallerIdentity(
                mode,
                Optional.of(new Account("LAB", sam, "LAB.EXAMPLE", "CN=" + sam + ",CN=Users,DC=lab,DC=example", sids)),
                Optional.empty());
    }

    private static AttributeSource source(Entry e) {
        return new AttributeSource() {
            @Override
            public String dn() {
                return e.getDN();
            }

            @Override
            public List<String> strings(String attribute) {
                String[] values = e.getAttributeValues(attribute);
                return values == null ? List.of() : List.of(values);
            }

            @Override
            public List<byte[]> bytes(String attribute) {
                byte[][] values = e.getAttributeValueByteArrays(attribute);
                return values == null ? List.of() : List.of(values);
            }
        };
    }
}
