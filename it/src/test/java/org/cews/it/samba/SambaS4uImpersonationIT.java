package org.cews.it.samba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cews.wcce.client.S4uServiceTickets;
import org.cews.wcce.epm.EndpointMapperClient;
import org.cews.wcce.epm.EpmInterface;
import org.cews.wcce.kerberos.KerberosClientContext;
import org.cews.wcce.kerberos.ServiceTicket;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.transport.TcpChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Impersonation toward an RPC server through Samba's real KDC (docs/ARCHITECTURE.md §4.2a): the CES
 * account logs in from its keytab, S4U2Self + S4U2Proxy give it a ticket to the DC's host service
 * in a user's name, and the DC's SAMR server decides as that user. Creating a user is allowed to
 * an impersonated administrator and refused to an impersonated ordinary user: the server saw two
 * different callers, although only the CES account's keys were used.
 */
@ExtendWith(SambaDomainController.Extension.class)
class SambaS4uImpersonationIT {

    private static final String CES = "cessvc";
    private static final String TARGET = "host/dc1.test.example@" + SambaDomainController.REALM;
    private static Path keytab;

    /** The delegation setup of docs/KERBEROS-S4U.md §1, once per run. */
    private static synchronized Path cesKeytab(SambaDomainController dc) throws IOException, InterruptedException {
        if (keytab != null) {
            return keytab;
        }
        List<String> db = dc.localDatabase();
        dc.run("create alice", with(List.of("samba-tool", "user", "create", "alice", "Al1cePassw0rd!"), db));
        dc.run("create cessvc", with(List.of("samba-tool", "user", "create", CES, "CesSvcPassw0rd!1"), db));
        dc.run("spn cessvc", with(List.of("samba-tool", "spn", "add", "HTTP/ces.test.example", CES), db));
        // AES keys only (the JDK refuses RC4 by default); before the keytab export.
        Path ldif = Files.writeString(
                dc.dir().resolve("cessvc-aes.ldif"),
                String.join(
                        "\n",
                        "dn: CN=" + CES + ",CN=Users,DC=test,DC=example",
                        "changetype: modify",
                        "replace: msDS-SupportedEncryptionTypes",
                        "msDS-SupportedEncryptionTypes: 24",
                        ""));
        dc.run("aes cessvc", List.of("ldbmodify", "-H", db.get(1), ldif.toString()));
        dc.run("protocol transition", with(List.of("samba-tool", "delegation", "for-any-protocol", CES, "on"), db));
        dc.run(
                "allowed to delegate",
                with(List.of("samba-tool", "delegation", "add-service", CES, "host/dc1.test.example"), db));
        Path file = dc.dir().resolve("cessvc.keytab");
        dc.run(
                "export keytab",
                List.of(
                        "samba-tool",
                        "domain",
                        "exportkeytab",
                        file.toString(),
                        "--principal=" + CES + "@" + SambaDomainController.REALM,
                        "-s",
                        db.get(3)));
        keytab = file;
        return file;
    }

    private static List<String> with(List<String> command, List<String> more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(more);
        return all;
    }

    /** Binds SAMR as {@code user}, impersonated, and tries to create an account; returns the NTSTATUS. */
    private static int createUserAs(SambaDomainController dc, String user, String newAccount) throws Exception {
        System.setProperty("java.security.krb5.conf", dc.krb5Conf().toString());
        S4uServiceTickets s4u = new S4uServiceTickets(CES + "@" + SambaDomainController.REALM, cesKeytab(dc), TARGET);
        ServiceTicket ticket = s4u.forUser(user + "@" + SambaDomainController.REALM);
        assertEquals(user, ticket.client().toString(), "the ticket names the impersonated user");

        int port = EndpointMapperClient.tcpPort(connect(EpmInterface.TCP_PORT), SamrCalls.SAMR);
        KerberosClientContext krb = new KerberosClientContext(ticket, RandomSource.secure(), Clock.systemUTC());
        try (RpcClientAssociation samr =
                RpcClientAssociation.bind(connect(port), SamrCalls.SAMR, krb, RpcLimits.DEFAULT)) {
            byte[] server = Arrays.copyOf(samr.call(SamrCalls.SAMR_CONNECT2, SamrCalls.connect2(null)), 20);
            byte[] lookup =
                    samr.call(SamrCalls.SAMR_LOOKUP_DOMAIN_IN_SAM_SERVER, SamrCalls.lookupDomain(server, "TEST"));
            assertEquals(0, SamrCalls.status(lookup), "SamrLookupDomainInSamServer status");
            byte[] opened =
                    samr.call(SamrCalls.SAMR_OPEN_DOMAIN, SamrCalls.openDomain(server, SamrCalls.domainSid(lookup)));
            assertEquals(0, SamrCalls.status(opened), "SamrOpenDomain status");
            byte[] domain = Arrays.copyOf(opened, 20);
            return SamrCalls.status(
                    samr.call(SamrCalls.SAMR_CREATE_USER2_IN_DOMAIN, SamrCalls.createUser2(domain, newAccount)));
        }
    }

    private static TcpChannel connect(int port) throws IOException {
        return TcpChannel.open(SambaDomainController.HOST, port, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @Test
    void theServerDecidesAsTheImpersonatedUser(SambaDomainController dc) throws Exception {
        assertEquals(0, createUserAs(dc, "Administrator", "s4u-made-by-admin"), "as the impersonated administrator");
        int asAlice = createUserAs(dc, "alice", "s4u-made-by-alice");
        assertNotEquals(0, asAlice, "as impersonated alice");
        assertEquals(SamrCalls.STATUS_ACCESS_DENIED, asAlice, "as impersonated alice");
    }
}
