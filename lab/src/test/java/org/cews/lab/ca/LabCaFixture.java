package org.cews.lab.ca;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cews.lab.directory.LdapLabDirectory;
import org.cews.policy.acl.Ace;
import org.cews.policy.acl.AceType;
import org.cews.policy.acl.Acl;
import org.cews.policy.acl.ControlAccessRight;
import org.cews.policy.acl.ObjectAce;
import org.cews.policy.acl.SdControl;
import org.cews.policy.acl.SecurityDescriptor;
import org.cews.policy.acl.Sid;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.TransportSecurity;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * The lab forest of ldap-policy's InMemoryAd plus {@code lab-ca-extra.ldif} (an enrollment agent
 * template, two on-behalf-of templates, an ECDSA template, a computer without dNSHostName), an {@link LdapLabDirectory}
 * bound as svc-cep, and lab CAs opened on a fixed clock.
 */
final class LabCaFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String CA = LabForest.CA_NAME;

    static final RpcPrincipal ALICE = new RpcPrincipal("alice", "LAB");
    static final RpcPrincipal BOB = new RpcPrincipal("bob", "LAB");
    static final RpcPrincipal CAROL = new RpcPrincipal("carol", "LAB");
    static final RpcPrincipal WEB01 = new RpcPrincipal("WEB01$", "LAB");
    static final RpcPrincipal WEB02 = new RpcPrincipal("WEB02$", "LAB");
    static final RpcPrincipal ADMINISTRATOR = new RpcPrincipal("Administrator", "LAB");

    final InMemoryAd ad;
    final LdapLabDirectory directory;

    private LabCaFixture(InMemoryAd ad) throws Exception {
        this.ad = ad;
        DirectoryConfig config = DirectoryConfig.builder()
                .security(TransportSecurity.NONE)
                .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .server("127.0.0.1", ad.port())
                .build();
        this.directory = new LdapLabDirectory(new DirectoryConnector(config), CLOCK);
    }

    static LabCaFixture start() throws Exception {
        InMemoryAd ad = InMemoryAd.start();
        try (InputStream in = LabCaFixture.class.getResourceAsStream("lab-ca-extra.ldif")) {
            ad.server().applyChangesFromLDIF(new LDIFReader(in));
        }
        setEnroll(ad, "EnrollmentAgent", LabForest.DOMAIN_USERS);
        setEnroll(ad, "LabOnBehalf", LabForest.DOMAIN_USERS);
        setEnroll(ad, "LabTwoAgents", LabForest.DOMAIN_USERS);
        setEnroll(ad, "LabEcdsa", LabForest.DOMAIN_USERS);
        return new LabCaFixture(ad);
    }

    /** A template descriptor shaped like the fixtures': Enroll for {@code sids}, owner Enterprise Admins. */
    static void setEnroll(InMemoryAd ad, String template, Sid... sids) throws Exception {
        List<Ace> aces = new ArrayList<>();
        for (Sid sid : sids) {
            aces.add(new ObjectAce(AceType.ACCESS_ALLOWED_OBJECT, 0, 0x100, ControlAccessRight.ENROLL.guid(), sid));
        }
        SecurityDescriptor sd = SecurityDescriptor.of(
                SdControl.DACL_PROTECTED.bit(), LabForest.ENTERPRISE_ADMINS, LabForest.ENTERPRISE_ADMINS, Acl.of(aces));
        ad.server()
                .modify(
                        "CN=" + template + "," + LabForest.TEMPLATES,
                        new Modification(ModificationType.REPLACE, "nTSecurityDescriptor", sd.encode()));
    }

    EnterpriseLabCa openCa(Path state) throws Exception {
        return openCa(state, CaKeyAlgorithm.EC_P256);
    }

    EnterpriseLabCa openCa(Path state, CaKeyAlgorithm algorithm) throws Exception {
        LabCaConfig config = LabCaConfig.builder(CA, state)
                .keyAlgorithm(algorithm)
                .clock(CLOCK)
                .random(new SecureRandom())
                .officerSids(Set.of(LabForest.DOMAIN_ADMINS))
                .build();
        return EnterpriseLabCa.open(config, directory);
    }

    @Override
    public void close() {
        ad.close();
    }
}
