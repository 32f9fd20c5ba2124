package org.cews.ces.endpoint;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cews.ces.CesMessage;
import org.cews.ces.service.AuditLog;
import org.cews.ces.service.CesConfig;
import org.cews.ces.service.EnrollmentService;
import org.cews.ces.wstep.RstReader;
import org.cews.ces.wstep.Wstep;
import org.cews.policy.cache.PolicyUnavailableException;
import org.cews.policy.ldap.DirectoryException;
import org.cews.soap.auth.AuthMode;
import org.cews.soap.directory.DirectoryRuntime;
import org.cews.soap.http.SoapServlet;
import org.cews.soap.service.Service;
import org.cews.soap.service.ServicePath;
import org.cews.soap.service.ServicePaths;
import org.cews.soap.service.SoapOperation;
import org.cews.wcce.api.CaConnectionFactory;

/**
 * The CES web application's front door: the three endpoints of the CA the resource adapter is
 * configured with ({@code /<CA name>_CES_<mode>/service.svc/CES}) and the key-based-renewal one
 * ({@code /KeyBasedRenewal_<CA name>_CES_Certificate/service.svc/CES}: client certificate,
 * renewals only, docs/WSTEP.md §6), their reachability pages, and a SOAP fault for a POST anywhere
 * else. RequestSecurityToken and KET go to {@link RequestSecurityTokenOperation}; settings are the
 * {@code cews.ces.*} system properties (docs/WSTEP.md §9).
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class CesServlet extends SoapServlet {

    private static final long serialVersionUID = 1L;

    /** The path name of the key-based-renewal endpoint: Microsoft's CEP name, prefixed the same way. */
    static final String KEY_BASED_RENEWAL_PREFIX = "KeyBasedRenewal_";

    @Resource(lookup = CaConnectionFactory.JNDI_NAME)
    private transient CaConnectionFactory ca;

    @Inject
    private transient DirectoryRuntime directory;

    @Override
    protected ServicePaths paths() {
        List<ServicePath> all = new ArrayList<>(ServicePaths.ces(ca.caName()).all());
        all.add(keyBasedRenewal(ca.caName()));
        return new ServicePaths(all);
    }

    static ServicePath keyBasedRenewal(String caName) {
        return new ServicePath(
                Service.CES,
                AuthMode.CERTIFICATE,
                true,
                KEY_BASED_RENEWAL_PREFIX + caName + "_CES_" + AuthMode.CERTIFICATE.pathName(),
                Optional.of(caName));
    }

    @Override
    protected Map<String, SoapOperation> operations() throws ServletException {
        CesConfig config;
        try {
            Map<String, String> properties = new HashMap<>();
            System.getProperties().stringPropertyNames().stream()
                    .filter(n -> n.startsWith(CesConfig.PREFIX))
                    .forEach(n -> properties.put(n, System.getProperty(n)));
            config = CesConfig.fromProperties(properties, new SecureRandom());
        } catch (CesConfig.ConfigurationException e) {
            throw new ServletException(e.getMessage(), e);
        }
        if (config.pendingKeyGenerated()) {
            System.getLogger(CesServlet.class.getName()).log(System.Logger.Level.WARNING, CesMessage.CES0402.format());
        }
        EnrollmentService service = EnrollmentService.create(config, ca, Clock.systemUTC(), AuditLog.system());
        SoapOperation rst = new RequestSecurityTokenOperation(new RstReader(), service, this::policy);
        return Map.of(Wstep.ACTION_RST, rst, Wstep.ACTION_KET, rst);
    }

    private org.cews.policy.ldap.PolicySnapshot policy() throws PolicyUnavailableException {
        try {
            return directory.current().snapshot();
        } catch (DirectoryException e) {
            throw new PolicyUnavailableException(e.getMessage());
        }
    }
}
