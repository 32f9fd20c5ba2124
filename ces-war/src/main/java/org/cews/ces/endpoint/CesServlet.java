package org.cews.ces.endpoint;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import java.util.Map;
import org.cews.soap.http.SoapServlet;
import org.cews.soap.service.ServicePaths;
import org.cews.soap.service.SoapOperation;
import org.cews.wcce.api.CaConnectionFactory;

/**
 * The CES web application's front door: the three endpoints of the CA the resource adapter is
 * configured with ({@code /<CA name>_CES_<mode>/service.svc/CES}), their reachability pages, and a
 * SOAP fault for a POST anywhere else. Not done yet: [MS-WSTEP] RequestSecurityToken (the CES
 * issue); until it is registered here, a POST to an endpoint answers an ActionNotSupported fault.
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class CesServlet extends SoapServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = CaConnectionFactory.JNDI_NAME)
    private transient CaConnectionFactory ca;

    @Override
    protected ServicePaths paths() {
        return ServicePaths.ces(ca.caName());
    }

    @Override
    protected Map<String, SoapOperation> operations() {
        return Map.of();
    }
}
