package org.cews.lab.ca;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.cews.lab.LabCaContext;
import org.cews.lab.LabCaFactory;
import org.cews.policy.ldap.DirectoryConnector;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.model.EnrollmentService;

/**
 * Two enterprise CAs on the lab's CA host, side by side, for clients that must meet an ECDSA
 * issuing CA: the directory's own CA (Lab-Issuing-CA, RSA 3072) and {@value #EC_CA} (ECDSA P-256),
 * whose pKIEnrollmentService this factory adds from {@code lab-ec-ca.ldif}, as AD CS setup does
 * for a new enterprise CA. Both answer on the one MS-ICPR endpoint the endpoint mapper names;
 * {@code pwszAuthority} picks the CA ([MS-ICPR] 3.2.4.1.1, [MS-WCCE] 3.2.1.4.2.1.1). Choose it
 * with {@code --ca-factory=org.cews.lab.ca.SideBySideCaFactory}; the EC CA keeps its key and
 * requests in {@code <state>/ca/}{@value #EC_CA}.
 */
public final class SideBySideCaFactory implements LabCaFactory {

    public static final String EC_CA = "Lab-Issuing-CA-EC";
    static final String LDIF = "lab-ec-ca.ldif";

    @Override
    public LabCa create(LabCaContext context) throws Exception {
        install(context);
        List<EnterpriseLabCa> cas = new ArrayList<>();
        try {
            cas.add(EnterpriseCaFactory.open(
                    context, SideBySideCaFactory::theOther, CaKeyAlgorithm.RSA_3072, context.caDir()));
            cas.add(EnterpriseCaFactory.open(
                    context,
                    services -> EC_CA,
                    CaKeyAlgorithm.EC_P256,
                    context.caDir().resolve(EC_CA)));
        } catch (Exception | Error e) {
            cas.forEach(EnterpriseLabCa::close);
            throw e;
        }
        return new SideBySideCas(List.copyOf(cas));
    }

    /** Adds the EC CA's pKIEnrollmentService unless the directory has it already. */
    static void install(LabCaContext context) throws DirectoryException, IOException {
        Entry entry;
        try (InputStream in = SideBySideCaFactory.class.getResourceAsStream(LDIF)) {
            if (in == null) {
                throw new IOException(
                        LDIF + " (expected: on the class path next to SideBySideCaFactory, actual: missing)");
            }
            entry = new LDIFReader(in).readEntry();
        } catch (LDIFException e) {
            throw new IOException(LDIF + ": " + e.getMessage(), e);
        }
        DirectoryConnector connector = new DirectoryConnector(context.directoryConfig());
        try (LDAPConnection connection = connector.connect()) {
            connection.add(entry);
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) {
                throw new DirectoryException("adding " + entry.getDN() + " failed: " + e.getResultCode(), e);
            }
        }
    }

    /** The directory's CA besides {@value #EC_CA}: there must be exactly one. */
    private static String theOther(List<EnrollmentService> services) throws DirectoryException {
        List<String> others = services.stream()
                .map(EnrollmentService::cn)
                .filter(cn -> !cn.equals(EC_CA))
                .toList();
        if (others.size() != 1 || others.size() == services.size()) {
            throw new DirectoryException("the lab directory must publish " + EC_CA
                    + " and exactly one other enrollment service (actual: "
                    + services.stream().map(EnrollmentService::cn).toList() + ")");
        }
        return others.get(0);
    }
}
