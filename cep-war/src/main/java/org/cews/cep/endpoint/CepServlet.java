package org.cews.cep.endpoint;

import jakarta.servlet.annotation.WebServlet;
import java.util.Map;
import org.cews.soap.http.SoapServlet;
import org.cews.soap.service.ServicePaths;
import org.cews.soap.service.SoapOperation;

/**
 * The CEP web application's front door, at every path under "/" so that the four endpoints match
 * without regard to case and a POST anywhere else answers a SOAP fault.
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class CepServlet extends SoapServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected ServicePaths paths() {
        return ServicePaths.cep();
    }

    @Override
    protected Map<String, SoapOperation> operations() {
        return Map.of();
    }
}
