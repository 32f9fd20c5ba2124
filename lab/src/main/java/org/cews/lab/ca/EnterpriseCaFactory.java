package org.cews.lab.ca;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.cews.lab.LabCaContext;
import org.cews.lab.LabCaFactory;
import org.cews.lab.directory.CachingLabDirectory;
import org.cews.lab.directory.LdapLabDirectory;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.model.EnrollmentService;

/**
 * How the lab's entry point makes its CA (registered in META-INF/services): the enterprise CA
 * emulator reading the embedded directory over LDAP as an AD CS CA reads AD, under the name of the
 * one enrollment service the directory publishes (the CA's name, its certificate's CN and the
 * {@code pwszAuthority} it answers to are that object's cn). What it reads there is kept
 * ({@link CachingLabDirectory}) until the directory changes, as the context tells, or, for a
 * directory the lab does not run, for {@link #POLICY_REFRESH} at most.
 */
public final class EnterpriseCaFactory implements LabCaFactory {

    /** How often the policy is read again when the directory's writes cannot be seen (CachingLabDirectory). */
    static final Duration POLICY_REFRESH = Duration.ofMinutes(1);

    @Override
    public LabCa create(LabCaContext context) throws Exception {
        return open(context, EnterpriseCaFactory::onlyService, CaKeyAlgorithm.RSA_3072, context.caDir());
    }

    /**
     * Opens one enterprise CA over the context's directory, with a directory cache of its own that
     * the CA closes.
     *
     * @param name picks the CA's enrollment service among those the directory publishes
     */
    static EnterpriseLabCa open(LabCaContext context, ServiceChoice name, CaKeyAlgorithm key, Path stateDirectory)
            throws Exception {
        Clock clock = context.clock();
        CachingLabDirectory directory = new CachingLabDirectory(
                new LdapLabDirectory(new DirectoryConnector(context.directoryConfig()), clock),
                context.directoryChanges(),
                POLICY_REFRESH,
                clock);
        try {
            String caName = name.pick(directory.policy().enrollmentServices());
            return EnterpriseLabCa.open(
                    LabCaConfig.builder(caName, stateDirectory)
                            .cdpUrls(context.cdpUrls(caName))
                            .ocspUrls(context.ocspUrls(caName))
                            .keyAlgorithm(key)
                            .clock(clock)
                            .build(),
                    directory);
        } catch (Exception | Error e) {
            directory.close();
            throw e;
        }
    }

    /** Which of the directory's enrollment services a CA is. */
    @FunctionalInterface
    interface ServiceChoice {
        String pick(List<EnrollmentService> services) throws DirectoryException;
    }

    private static String onlyService(List<EnrollmentService> services) throws DirectoryException {
        if (services.size() != 1) {
            throw new DirectoryException("the lab directory must publish exactly one enrollment service (actual: "
                    + services.stream().map(EnrollmentService::cn).toList() + ")");
        }
        return services.get(0).cn();
    }
}
