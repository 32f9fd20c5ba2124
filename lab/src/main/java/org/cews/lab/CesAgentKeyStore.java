package org.cews.lab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cews.lab.ca.LabCa;
import org.cews.lab.kdc.EmbeddedKdc;
import org.cews.wcce.cmc.AgentCredential;
import org.cews.wcce.cmc.OnBehalfOfException;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.CertServerRequestResponse;
import org.cews.wcce.msicpr.Disposition;
import org.cews.wcce.msicpr.RequestFlags;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * svc-ces's Enrollment Agent certificate, as an administrator would have enrolled it for the CES's
 * enrollment-agent mode (docs/ARCHITECTURE.md §4.2b): at the lab's start, unless {@code ces-agent.p12}
 * in the state directory already holds one from this CA that stays valid for at least a day, svc-ces
 * requests the EnrollmentAgent template (lab-enrollment-agent.ldif) from the lab CA, through the
 * same policy engine as every other request, and the key and chain are written as a PKCS#12 (alias
 * svc-ces, password {@link #PASSWORD}), which deploy/env/cews.properties points the connector at.
 *
 * <p>A CA that does not issue a usable agent certificate (a stand-in CA in tests) leaves the lab
 * without one, with a warning: enrollment-agent requests then fail at the connector, which says
 * why.
 */
public final class CesAgentKeyStore {

    public static final String FILE = "ces-agent.p12";
    public static final String ALIAS = EmbeddedKdc.CES_ACCOUNT;
    /** A lab value, published on purpose like the accounts' passwords (lab-accounts.properties). */
    public static final String PASSWORD = "Lab-Ces-Agent-P12";

    static final String TEMPLATE = "EnrollmentAgent";
    static final Duration MIN_REMAINING = Duration.ofDays(1);

    private static final System.Logger LOG = System.getLogger(CesAgentKeyStore.class.getName());

    private CesAgentKeyStore() {}

    /** The key store, kept or enrolled anew; empty if the CA issued no usable agent certificate. */
    public static Optional<Path> ensure(Path state, LabCa ca, Clock clock)
            throws IOException, GeneralSecurityException {
        Path file = state.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Optional<X509Certificate> kept = usable(file, ca, clock);
            if (kept.isPresent()) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "LAB0011 enrollment agent certificate of svc-ces kept ({0}, valid until {1})",
                        file,
                        kept.get().getNotAfter().toInstant());
                return Optional.of(file);
            }
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        CertServerRequestResponse answer = ca.process(
                CertServerRequest.submit(RequestFlags.NONE, ca.name(), "CertificateTemplate:" + TEMPLATE, pkcs10(key)),
                new RpcPrincipal(ALIAS, LabRealm.NETBIOS_DOMAIN));
        if (!answer.disposition().equals(Disposition.ISSUED)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "LAB0012 no enrollment agent certificate for svc-ces: the CA answered {0} ({1})",
                    answer.disposition(),
                    answer.dispositionMessage());
            return Optional.empty();
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add((X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(answer.encodedCert().bytes())));
        chain.addAll(ca.chain());
        try {
            AgentCredential.of(key.getPrivate(), chain);
        } catch (OnBehalfOfException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "LAB0012 no enrollment agent certificate for svc-ces: {0}",
                    e.getMessage());
            return Optional.empty();
        }
        write(file, key.getPrivate(), chain);
        LOG.log(
                System.Logger.Level.INFO,
                "LAB0010 enrollment agent certificate of svc-ces enrolled (request {0,number,#}, {1}, valid until {2}) into {3}",
                answer.requestId(),
                chain.get(0).getSubjectX500Principal(),
                chain.get(0).getNotAfter().toInstant(),
                file);
        return Optional.of(file);
    }

    private static byte[] pkcs10(KeyPair key) throws IOException {
        try {
            // The subject is the CA's to build from the directory (CT_FLAG_SUBJECT_REQUIRE_DIRECTORY_PATH).
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + ALIAS), key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()))
                    .getEncoded();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("SHA256withRSA is a JDK algorithm", e);
        }
    }

    /** The agent certificate in {@code file} if it is one this CA issued, still valid for a day. */
    private static Optional<X509Certificate> usable(Path file, LabCa ca, Clock clock) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : store.getCertificateChain(ALIAS)) {
                chain.add((X509Certificate) c);
            }
            AgentCredential agent = AgentCredential.of((PrivateKey) store.getKey(ALIAS, PASSWORD.toCharArray()), chain);
            agent.certificate().verify(ca.chain().get(0).getPublicKey());
            boolean valid = agent.validAt(clock.instant())
                    && agent.validAt(clock.instant().plus(MIN_REMAINING));
            return valid ? Optional.of(agent.certificate()) : Optional.empty();
        } catch (IOException | GeneralSecurityException | OnBehalfOfException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "LAB0013 {0} is enrolled again: {1}", file, e.toString());
            return Optional.empty();
        }
    }

    private static void write(Path file, PrivateKey key, List<X509Certificate> chain)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
        Path tmp = Files.createTempFile(file.getParent(), "ces-agent", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            store.store(out, PASSWORD.toCharArray());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
