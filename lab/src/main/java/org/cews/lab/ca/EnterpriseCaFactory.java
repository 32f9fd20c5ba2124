package org.cews.lab.ca;

import java.time.Clock;
import java.util.List;
import org.cews.lab.LabCaContext;
import org.cews.lab.LabCaFactory;
import org.cews.lab.directory.LabDirectory;
import org.cews.lab.directory.LdapLabDirectory;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.model.EnrollmentService;

/**
 * How the lab's entry point makes its CA (registered in META-INF/services): the enterprise CA
 * emulator reading the embedded directory over LDAP as an AD CS CA reads AD, under the name of the
 * one enrollment service the directory publishes (the CA's name, its certificate's CN and the
 * {@code pwszAuthority} it answers to are that object's cn).
 */
public final class EnterpriseCaFactory implements LabCaFactory {

    @Override
    public LabCa create(LabCaContext context) throws Exception {
        Clock clock = context.clock();
        LabDirectory directory = new LdapLabDirectory(new DirectoryConnector(context.directoryConfig()), clock);
        return EnterpriseLabCa.open(
                LabCaConfig.builder(caName(directory), context.caDir())
                        .clock(clock)
                        .build(),
                directory);
    }

    private static String caName(LabDirectory directory) throws DirectoryException {
        List<EnrollmentService> services = directory.policy().enrollmentServices();
        if (services.size() != 1) {
            throw new DirectoryException("the lab directory must publish exactly one enrollment service (actual: "
                    + services.stream().map(EnrollmentService::cn).toList() + ")");
        }
        return services.get(0).cn();
    }
}
