package org.cews.cep.endpoint;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import java.util.Map;
import org.cews.cep.service.CepSettings;
import org.cews.cep.service.PolicyService;
import org.cews.cep.xcep.Xcep;
import org.cews.soap.directory.DirectoryRuntime;
import org.cews.soap.http.SoapServlet;
import org.cews.soap.service.ServicePaths;
import org.cews.soap.service.SoapOperation;

/**
 * The CEP web application's front door, at every path under "/" so that the four endpoints
 * (Kerberos, UsernamePassword, Certificate, KeyBasedRenewal; {@link ServicePaths#cep()}) match
 * without regard to case and a POST anywhere else answers a SOAP fault. Each endpoint accepts only
 * its own authentication mode (the SOAP layer's authenticator) and serves GetPolicies.
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class CepServlet extends SoapServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient DirectoryRuntime directory;

    @Override
    protected ServicePaths paths() {
        return ServicePaths.cep();
    }

    @Override
    protected Map<String, SoapOperation> operations() throws ServletException {
        CepSettings settings;
        try {
            settings = CepSettings.from(System::getProperty);
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        PolicyService service = new PolicyService(directory::current, settings);
        return Map.of(Xcep.GET_POLICIES_ACTION, new GetPoliciesOperation(service));
    }
}
