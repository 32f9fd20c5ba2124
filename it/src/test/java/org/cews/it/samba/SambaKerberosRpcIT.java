package org.cews.it.samba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import org.cews.wcce.epm.EndpointMapperClient;
import org.cews.wcce.epm.EpmInterface;
import org.cews.wcce.kerberos.KerberosClientContext;
import org.cews.wcce.kerberos.ServiceTicket;
import org.cews.wcce.kerberos.SpnegoClientContext;
import org.cews.wcce.kerberos.crypto.RandomSource;
import org.cews.wcce.msrpce.ClientSecurityContext;
import org.cews.wcce.msrpce.RpcClientAssociation;
import org.cews.wcce.msrpce.RpcLimits;
import org.cews.wcce.transport.TcpChannel;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connector's Kerberos provider against Samba's KDC and RPC server, live: the JDK's JGSS gets
 * a service ticket for the DC's host principal (as the CES will get its S4U tickets), and our
 * DCE-style exchange (auth type 16, and 9 with SPNEGO) binds SAMR at packet privacy and makes
 * sealed calls, one of them a request in many fragments.
 */
@ExtendWith(SambaDomainController.Extension.class)
class SambaKerberosRpcIT {

    private static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    private static final Oid KRB5_PRINCIPAL = oid("1.2.840.113554.1.2.2.1");
    private static final String SERVICE = "host/dc1.test.example@" + SambaDomainController.REALM;

    /** A fresh service ticket for the DC's host service, as Administrator, from Samba's KDC. */
    private static ServiceTicket serviceTicket(SambaDomainController dc) throws Exception {
        System.setProperty("java.security.krb5.conf", dc.krb5Conf().toString());
        Configuration jaas = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(
                            "com.sun.security.auth.module.Krb5LoginModule",
                            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                            Map.of(
                                    "principal", SambaDomainController.ADMIN + "@" + SambaDomainController.REALM,
                                    "isInitiator", "true",
                                    "refreshKrb5Config", "true"))
                };
            }
        };
        LoginContext login = new LoginContext(
                "samba",
                new Subject(),
                callbacks -> {
                    for (var callback : callbacks) {
                        if (callback instanceof PasswordCallback password) {
                            password.setPassword(SambaDomainController.ADMIN_PASSWORD.toCharArray());
                        }
                    }
                },
                jaas);
        login.login();
        Subject subject = login.getSubject();
        Subject.doAs(subject, (PrivilegedExceptionAction<Void>) () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSContext context = manager.createContext(
                    manager.createName(SERVICE, KRB5_PRINCIPAL), KRB5, null, GSSContext.DEFAULT_LIFETIME);
            context.initSecContext(new byte[0], 0, 0); // makes JGSS fetch and store the service ticket
            context.dispose();
            return null;
        });
        KerberosTicket ticket = subject.getPrivateCredentials(KerberosTicket.class).stream()
                .filter(t -> t.getServer().getName().toLowerCase(Locale.ROOT).startsWith("host/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("JGSS kept no host/ ticket"));
        return ServiceTicket.from(ticket);
    }

    private static RpcClientAssociation bindSamr(ClientSecurityContext security, RpcLimits limits) throws Exception {
        int port = EndpointMapperClient.tcpPort(connect(EpmInterface.TCP_PORT), SamrCalls.SAMR);
        return RpcClientAssociation.bind(connect(port), SamrCalls.SAMR, security, limits);
    }

    private static TcpChannel connect(int port) throws IOException {
        return TcpChannel.open(SambaDomainController.HOST, port, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    private static void connectEnumerateClose(RpcClientAssociation samr, String serverName) throws Exception {
        byte[] connected = samr.call(SamrCalls.SAMR_CONNECT2, SamrCalls.connect2(serverName));
        assertEquals(0, SamrCalls.status(connected), "SamrConnect2 status");
        byte[] handle = Arrays.copyOf(connected, 20);
        byte[] domains = samr.call(SamrCalls.SAMR_ENUMERATE_DOMAINS_IN_SAM_SERVER, SamrCalls.enumerateDomains(handle));
        assertEquals(0, SamrCalls.status(domains), "SamrEnumerateDomainsInSamServer status");
        String text = new String(domains, StandardCharsets.UTF_16LE).toUpperCase(Locale.ROOT);
        assertTrue(text.contains("BUILTIN"), "domains in the sealed response: " + text);
        assertEquals(0, SamrCalls.status(samr.call(SamrCalls.SAMR_CLOSE_HANDLE, SamrCalls.closeHandle(handle))));
    }

    @Test
    void rawKerberosAuthType16(SambaDomainController dc) throws Exception {
        KerberosClientContext krb =
                new KerberosClientContext(serviceTicket(dc), RandomSource.secure(), Clock.systemUTC());
        try (RpcClientAssociation samr = bindSamr(krb, RpcLimits.DEFAULT)) {
            connectEnumerateClose(samr, null);
        }
    }

    @Test
    void spnegoAuthType9(SambaDomainController dc) throws Exception {
        KerberosClientContext krb =
                new KerberosClientContext(serviceTicket(dc), RandomSource.secure(), Clock.systemUTC());
        try (RpcClientAssociation samr = bindSamr(new SpnegoClientContext(krb), RpcLimits.DEFAULT)) {
            connectEnumerateClose(samr, null);
        }
    }

    @Test
    void requestSealedInManyFragments(SambaDomainController dc) throws Exception {
        KerberosClientContext krb =
                new KerberosClientContext(serviceTicket(dc), RandomSource.secure(), Clock.systemUTC());
        RpcLimits small = new RpcLimits(1432, 1432, RpcLimits.DEFAULT.maxStubLength());
        try (RpcClientAssociation samr = bindSamr(krb, small)) {
            connectEnumerateClose(samr, "x".repeat(6000));
        }
    }

    private static Oid oid(String dotted) {
        try {
            return new Oid(dotted);
        } catch (org.ietf.jgss.GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
