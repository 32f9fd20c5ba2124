package org.cews.client.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;

/** PEM files (RFC 7468): certificates, private keys (PKCS#8, PKCS#1, SEC 1), requests. */
public final class Pem {
    private Pem() {}

    public static List<X509Certificate> certificates(Path file) throws ClientException {
        List<X509Certificate> out = new ArrayList<>();
        for (Object o : objects(file)) {
            if (o instanceof X509CertificateHolder h) {
                out.add(x509(encoded(h, file)));
            }
        }
        return out;
    }

    public static PrivateKey privateKey(Path file) throws ClientException {
        JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
        try {
            for (Object o : objects(file)) {
                if (o instanceof PEMKeyPair kp) {
                    return conv.getPrivateKey(kp.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo pki) {
                    return conv.getPrivateKey(pki);
                }
            }
        } catch (IOException e) {
            throw new ClientException(e, ClientMessage.CANNOT_READ, file, e.getMessage());
        }
        throw new ClientException(ClientMessage.NOT_FOUND_IN_FILE, file, "unencrypted PEM private key");
    }

    /**
     * A key pair from a PEM private key: PKCS#1 and SEC 1 files carry the public key; for PKCS#8 the
     * RSA public key is derived, the EC one read from the key's optional publicKey field.
     */
    public static java.security.KeyPair keyPair(Path file) throws ClientException {
        JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
        try {
            for (Object o : objects(file)) {
                if (o instanceof PEMKeyPair kp) {
                    return conv.getKeyPair(kp);
                }
                if (o instanceof PrivateKeyInfo info) {
                    PrivateKey key = conv.getPrivateKey(info);
                    if (key instanceof java.security.interfaces.RSAPrivateCrtKey rsa) {
                        var pub = java.security.KeyFactory.getInstance("RSA")
                                .generatePublic(new java.security.spec.RSAPublicKeySpec(
                                        rsa.getModulus(), rsa.getPublicExponent()));
                        return new java.security.KeyPair(pub, key);
                    }
                    var ec = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
                    if (ec.getPublicKey() != null) {
                        var spki = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                                info.getPrivateKeyAlgorithm(), ec.getPublicKey().getBytes());
                        return new java.security.KeyPair(conv.getPublicKey(spki), key);
                    }
                    throw new ClientException(
                            ClientMessage.NOT_FOUND_IN_FILE,
                            file,
                            "public key (write the key as SEC 1 or with its public key)");
                }
            }
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new ClientException(e, ClientMessage.CANNOT_READ, file, e.getMessage());
        }
        throw new ClientException(ClientMessage.NOT_FOUND_IN_FILE, file, "unencrypted PEM private key");
    }

    /** A PKCS#10 request from a PEM or DER file. */
    public static PKCS10CertificationRequest request(Path file) throws ClientException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ClientException(e, ClientMessage.CANNOT_READ, file, e.getMessage());
        }
        if (bytes.length > 0 && bytes[0] == 0x30) {
            try {
                return new PKCS10CertificationRequest(bytes);
            } catch (IOException | RuntimeException e) {
                throw new ClientException(e, ClientMessage.BAD_REQUEST_FILE, file, e.getMessage());
            }
        }
        for (Object o : objects(file)) {
            if (o instanceof PKCS10CertificationRequest r) {
                return r;
            }
        }
        throw new ClientException(ClientMessage.BAD_REQUEST_FILE, file, "no CERTIFICATE REQUEST in PEM, and not DER");
    }

    /** The PEM text of the objects (certificates, keys, requests), in order. */
    public static String encode(List<?> objects) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory failed", e);
        }
        return sw.toString();
    }

    public static X509Certificate x509(byte[] der) throws ClientException {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new ClientException(e, ClientMessage.BAD_VALUE, "certificate", "the answer", e.getMessage());
        }
    }

    private static byte[] encoded(X509CertificateHolder h, Path file) throws ClientException {
        try {
            return h.getEncoded();
        } catch (IOException e) {
            throw new ClientException(e, ClientMessage.CANNOT_READ, file, e.getMessage());
        }
    }

    private static List<Object> objects(Path file) throws ClientException {
        List<Object> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser p = new PEMParser(r)) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                out.add(o);
            }
        } catch (IOException e) {
            throw new ClientException(e, ClientMessage.CANNOT_READ, file, e.getMessage());
        }
        return out;
    }
}
