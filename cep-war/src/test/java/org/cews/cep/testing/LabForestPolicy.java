package org.cews.cep.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.cews.policy.cache.CachedPolicy;
import org.cews.policy.cache.SnapshotFingerprint;
import org.cews.policy.fixtures.InMemoryAd;
import org.cews.policy.fixtures.LabForest;
import org.cews.policy.ldap.AdPolicyReader;
import org.cews.policy.ldap.BindMethod;
import org.cews.policy.ldap.DirectoryConfig;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.policy.ldap.TransportSecurity;
import org.cews.policy.view.Caller;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * ldap-policy's lab forest in the in-memory directory, read once as svc-cep: the policy and the
 * callers (with their tokenGroups) the CEP tests answer for. Also the XML helpers the tests share.
 */
public final class LabForestPolicy implements AutoCloseable {

    public static final Instant READ_AT = Instant.parse("2026-12-01T08:00:00Z");

    private final InMemoryAd ad;
    private final AdPolicyReader reader;
    private final PolicySnapshot snapshot;

    private LabForestPolicy(InMemoryAd ad, AdPolicyReader reader) throws Exception {
        this.ad = ad;
        this.reader = reader;
        this.snapshot = reader.read();
    }

    public static LabForestPolicy start() throws Exception {
        InMemoryAd ad = InMemoryAd.start();
        DirectoryConfig config = DirectoryConfig.builder()
                .security(TransportSecurity.NONE)
                .bind(new BindMethod.Simple(LabForest.SVC_CEP_DN, LabForest.SVC_CEP_PASSWORD.toCharArray()))
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .server("127.0.0.1", ad.port())
                .build();
        return new LabForestPolicy(
                ad, new AdPolicyReader(new DirectoryConnector(config), Clock.fixed(READ_AT, ZoneOffset.UTC)));
    }

    public PolicySnapshot snapshot() {
        return snapshot;
    }

    public CachedPolicy cached() {
        return new CachedPolicy(snapshot, READ_AT, SnapshotFingerprint.of(snapshot));
    }

    public InMemoryAd directory() {
        return ad;
    }

    /** A fixture account with its objectSid and tokenGroups as the directory returns them. */
    public Caller caller(String samAccountName) throws Exception {
        String dn = reader.findAccount(samAccountName).orElseThrow();
        return Caller.account("LAB\\" + samAccountName, reader.accountSids(dn).callerSids());
    }

    @Override
    public void close() {
        ad.close();
    }

    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
    }

    /** XPath with the prefixes x (XCEP), s (SOAP 1.2), a (WS-Addressing), xsi. */
    public static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "x" -> "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy";
                    case "s" -> "http://www.w3.org/2003/05/soap-envelope";
                    case "a" -> "http://www.w3.org/2005/08/addressing";
                    case "xsi" -> "http://www.w3.org/2001/XMLSchema-instance";
                    default -> null;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }

    public static String eval(Document doc, String expression) throws Exception {
        return xpath().evaluate(expression, doc);
    }

    public static NodeList nodes(Document doc, String expression) throws Exception {
        return (NodeList) xpath().evaluate(expression, doc, XPathConstants.NODESET);
    }

    public static byte[] resource(String path) throws IOException {
        try (InputStream in = LabForestPolicy.class.getResourceAsStream("/soap/" + path)) {
            if (in == null) {
                throw new IOException("missing test resource soap/" + path);
            }
            return in.readAllBytes();
        }
    }

    public static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }
}
