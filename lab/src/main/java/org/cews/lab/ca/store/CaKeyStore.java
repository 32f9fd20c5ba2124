package org.cews.lab.ca.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.cews.lab.ca.CaKeyAlgorithm;
import org.cews.lab.ca.issue.CaIdentity;
import org.cews.lab.ca.issue.SerialNumbers;

/**
 * The CA key and self-signed certificate under {@code <state>/ca/}: {@code ca.p12} (PKCS#12, alias
 * "ca") and {@code ca.p12.password}, both 0600. Generated on first start, reused after. The
 * certificate is {@code CN=<ca name>}, BasicConstraints cA (critical), KeyUsage keyCertSign and
 * cRLSign (critical), a subject key identifier, and AD CS's CA Version extension
 * (1.3.6.1.4.1.311.21.1, V0.0).
 */
public final class CaKeyStore {

    static final ASN1ObjectIdentifier CA_VERSION = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.21.1");
    private static final String ALIAS = "ca";

    private CaKeyStore() {}

    public static CaIdentity loadOrCreate(
            Path stateDir, String caName, CaKeyAlgorithm algorithm, Duration validity, Clock clock, SecureRandom random)
            throws IOException, GeneralSecurityException {
        Path dir = AtomicFiles.directory(stateDir.resolve("ca"));
        Path p12 = dir.resolve("ca.p12");
        Path passwordFile = dir.resolve("ca.p12.password");
        if (Files.exists(p12)) {
            return load(p12, passwordFile, caName);
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        char[] password = Base64.getEncoder().encodeToString(secret).toCharArray();
        KeyPair keys = algorithm.generate(random);
        X509CertificateHolder cert = selfSigned(caName, keys, validity, clock.instant(), random);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {CaIdentity.toX509(cert)});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        AtomicFiles.write(passwordFile, new String(password).getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.write(p12, out.toByteArray());
        return new CaIdentity(caName, keys.getPrivate(), cert);
    }

    private static CaIdentity load(Path p12, Path passwordFile, String caName)
            throws IOException, GeneralSecurityException {
        char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII)
                .strip()
                .toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(Files.readAllBytes(p12)), password);
        PrivateKey key = (PrivateKey) store.getKey(ALIAS, password);
        Certificate cert = store.getCertificate(ALIAS);
        if (key == null || cert == null) {
            throw new IOException(p12 + " holds no CA key and certificate under alias " + ALIAS);
        }
        X509CertificateHolder holder = new X509CertificateHolder(cert.getEncoded());
        X500Name expected = name(caName);
        if (!holder.getSubject().equals(expected)) {
            throw new IOException(p12 + " holds the CA " + holder.getSubject() + ", not " + expected);
        }
        return new CaIdentity(caName, key, holder);
    }

    /** {@code CN=<ca name>} as one UTF8String RDN. */
    public static X500Name name(String caName) {
        return new X500Name(new RDN[] {new RDN(BCStyle.CN, new DERUTF8String(caName))});
    }

    private static X509CertificateHolder selfSigned(
            String caName, KeyPair keys, Duration validity, Instant now, SecureRandom random)
            throws IOException, GeneralSecurityException {
        X500Name subject = name(caName);
        SubjectPublicKeyInfo spki =
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        BigInteger serial = SerialNumbers.next(random);
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                subject,
                serial,
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(validity)),
                subject,
                spki);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(spki));
        b.addExtension(CA_VERSION, false, new ASN1Integer(0));
        return b.build(new CaIdentity(caName, keys.getPrivate(), null).signer());
    }
}
