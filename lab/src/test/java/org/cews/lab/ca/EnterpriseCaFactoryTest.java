package org.cews.lab.ca;

import static org.cews.lab.ca.Calls.issued;
import static org.cews.lab.ca.Calls.refused;
import static org.cews.lab.ca.Calls.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.cews.lab.LabAccounts;
import org.cews.lab.LabCaContext;
import org.cews.lab.LabRealm;
import org.cews.lab.directory.EmbeddedDirectory;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA the lab's main makes, over the embedded directory: once it has served a caller, the next
 * request of that caller costs the directory no search; a template edited over LDAP decides the
 * very next request.
 */
class EnterpriseCaFactoryTest {

    static final LabAccounts ACCOUNTS = LabAccounts.load();
    static final RpcPrincipal ALICE = new RpcPrincipal("alice", "LAB");
    static final String WEB_SERVER =
            "CN=WebServer,CN=Certificate Templates,CN=Public Key Services,CN=Services," + LabRealm.CONFIG_NC;

    @Test
    void steadyRequestsCostNoSearchAndAnEditTakesEffectAtOnce(@TempDir Path state) throws Exception {
        try (EmbeddedDirectory directory = EmbeddedDirectory.start(0, ACCOUNTS)) {
            LabAccounts.User svc = ACCOUNTS.requireUser("svc-cep");
            LabCaContext context = new LabCaContext(
                    state,
                    LabRealm.LOOPBACK,
                    directory.port(),
                    svc.dn(),
                    svc.password(),
                    ACCOUNTS,
                    Clock.systemUTC(),
                    Optional.of(directory.changes()));
            try (EnterpriseLabCa ca =
                    assertInstanceOf(EnterpriseLabCa.class, new EnterpriseCaFactory().create(context))) {
                byte[] der = Csr.of(TestKeys.rsa("alice", 2048))
                        .subject("CN=www.lab.example")
                        .template("WebServer")
                        .der();
                issued(ca.process(submit("", der), ALICE));
                long searches = directory.searches();
                issued(ca.process(submit("", der), ALICE));
                issued(ca.process(submit("", der), ALICE));
                assertEquals(searches, directory.searches(), "no search for the policy or alice's account");

                try (LDAPConnection connection = directory.server().getConnection()) {
                    connection.modify(
                            WEB_SERVER, new Modification(ModificationType.REPLACE, "msPKI-Private-Key-Flag", "1"));
                }
                refused(ca.process(submit("", der), ALICE), CertSrvErrors.CERTSRV_E_ARCHIVED_KEY_REQUIRED);
            }
        }
    }
}
