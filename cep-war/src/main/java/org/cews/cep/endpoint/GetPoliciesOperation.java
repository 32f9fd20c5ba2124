package org.cews.cep.endpoint;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import javax.xml.stream.XMLStreamReader;
import org.cews.cep.CepMessages;
import org.cews.cep.service.PolicyService;
import org.cews.cep.xcep.GetPoliciesReader;
import org.cews.cep.xcep.GetPoliciesRequest;
import org.cews.cep.xcep.Xcep;
import org.cews.cep.xcep.XcepRequestException;
import org.cews.policy.cache.PolicyUnavailableException;
import org.cews.policy.ldap.DirectoryException;
import org.cews.soap.fault.SoapFault;
import org.cews.soap.fault.SoapFaultException;
import org.cews.soap.fault.TransientFailureException;
import org.cews.soap.service.SoapAnswer;
import org.cews.soap.service.SoapCall;
import org.cews.soap.service.SoapOperation;

/**
 * [MS-XCEP] 3.1.4.1 GetPolicies on one of the four CEP endpoints: read the request, ask the
 * service for the caller's answer, write one audit line. A request without a client element is a
 * Sender fault; no policy read yet is HTTP 503 (certmonger retries it); directory settings that
 * cannot be used are a Receiver fault naming the setting.
 */
final class GetPoliciesOperation implements SoapOperation {

    private static final Logger AUDIT = System.getLogger("org.cews.audit");
    private static final Logger LOG = System.getLogger("org.cews.cep");

    private final PolicyService service;

    GetPoliciesOperation(PolicyService service) {
        this.service = service;
    }

    @Override
    public SoapAnswer invoke(SoapCall call) throws SoapFaultException, TransientFailureException {
        GetPoliciesRequest request;
        try {
            XMLStreamReader body =
                    call.request().body().orElseThrow(() -> new XcepRequestException(CepMessages.CEP0105.format()));
            request = GetPoliciesReader.read(body);
        } catch (XcepRequestException e) {
            AUDIT.log(
                    Level.INFO,
                    () -> CepMessages.CEP0202.format(
                            call.caller().name(),
                            call.path().mode(),
                            call.path().name(),
                            call.correlationId(),
                            e.getMessage()));
            throw new SoapFaultException(SoapFault.sender(e.getMessage()));
        }
        PolicyService.Outcome outcome;
        try {
            outcome = service.getPolicies(
                    call.caller().policyCaller(), request, call.path().keyBasedRenewal());
        } catch (PolicyUnavailableException e) {
            LOG.log(Level.WARNING, () -> CepMessages.CEP0203.format(call.correlationId(), e.getMessage()));
            throw new TransientFailureException(e.getMessage(), e);
        } catch (DirectoryException e) {
            String message = CepMessages.CEP0303.format(e.getMessage());
            LOG.log(Level.ERROR, message);
            throw new SoapFaultException(
                    SoapFault.receiver(message + " (correlation id " + call.correlationId() + ")"));
        }
        AUDIT.log(
                Level.INFO,
                () -> CepMessages.CEP0201.format(
                        call.caller().name(),
                        call.path().mode(),
                        call.path().name(),
                        outcome.templates(),
                        outcome.cas(),
                        outcome.notChanged(),
                        outcome.cached(),
                        call.correlationId()));
        return new SoapAnswer(Xcep.GET_POLICIES_RESPONSE_ACTION, outcome.body());
    }
}
