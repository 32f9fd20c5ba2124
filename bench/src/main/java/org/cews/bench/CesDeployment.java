package org.cews.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.cews.wcce.client.CaEndpoint;

/**
 * What the CES benchmark needs to know about the run command's deployment (deploy/run.sh): the CA
 * connector's settings exactly as the deployed resource adapter gets them ({@code
 * deploy/env/cews.properties}), the lab's ports, CA and enrollment-agent key store (its {@code
 * lab-status.properties}), the development CA that issued WildFly's TLS certificate, and the CES URLs.
 *
 * @param labPid the lab's process (AD, KDC and the CA emulator in one JVM), for its CPU time
 */
record CesDeployment(
        CaEndpoint ca,
        String caUser,
        String caDomain,
        char[] caPassword,
        String caSpn,
        Path agentKeyStore,
        char[] agentPassword,
        String agentAlias,
        Path labCaCertificate,
        long labPid,
        Path tlsTrust,
        String cesBase,
        String netbiosDomain,
        String realm) {

    /** {@code deploy} is the repository's deploy directory, after deploy/run.sh started everything. */
    static CesDeployment read(Path deploy, String httpsBase) throws IOException {
        Properties env = load(deploy.resolve("env/cews.properties"));
        Properties lab = load(deploy.resolve("target/lab/lab-status.properties"));
        String caName = require(env, "cews.ca.name");
        if (!caName.equals(require(lab, "ca.name"))) {
            throw new IOException("the lab's CA is " + lab.getProperty("ca.name") + ", cews.ca.name is " + caName);
        }
        return new CesDeployment(
                new CaEndpoint(require(env, "cews.ca.host"), Integer.parseInt(require(env, "cews.ca.port")), caName),
                require(env, "cews.ca.user"),
                require(env, "cews.ca.domain"),
                require(env, "cews.ca.password").toCharArray(),
                require(env, "cews.ca.spn"),
                Path.of(require(lab, "agent.keyStore")),
                require(lab, "agent.keyStorePassword").toCharArray(),
                lab.getProperty("agent.alias"),
                Path.of(require(lab, "ca.certificate")),
                Long.parseLong(require(lab, "pid")),
                deploy.resolve("target/run/configuration/cews/tls/ca.crt"),
                httpsBase + "/ces/" + caName + "_CES_",
                require(env, "cews.auth.netbiosDomain"),
                require(env, "cews.auth.realm"));
    }

    /** The account's NT name, {@code DOMAIN\\user}, as the CES passes it to the connector in enrollment-agent mode. */
    String ntName(String user) {
        return netbiosDomain + "\\" + user;
    }

    /** The account's user principal name in the lab, {@code user@realm in lower case}. */
    String upn(String user) {
        return user + "@" + realm.toLowerCase(Locale.ROOT);
    }

    /** The CES endpoint of one authentication mode ({@code UsernamePassword}, {@code Certificate}). */
    URI ces(String mode) {
        return URI.create(cesBase + mode + "/service.svc/CES");
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static String require(Properties p, String name) throws IOException {
        String v = p.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IOException("no " + name + " (is cews running? bench/run-ces.sh starts it)");
        }
        return v.strip();
    }
}
