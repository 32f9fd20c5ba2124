package org.cews.ces.endpoint;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cews.ces.CesMessage;
import org.cews.ces.service.EnrollmentCall;
import org.cews.ces.service.EnrollmentService;
import org.cews.ces.service.Outcome;
import org.cews.ces.wstep.RstReader;
import org.cews.ces.wstep.RstRequest;
import org.cews.ces.wstep.RstrcWriter;
import org.cews.ces.wstep.Wstep;
import org.cews.ces.wstep.WstepFault;
import org.cews.soap.envelope.StaxFactories;
import org.cews.soap.fault.SoapFault;
import org.cews.soap.fault.SoapFaultException;
import org.cews.soap.fault.TransientFailureException;
import org.cews.soap.service.SoapAnswer;
import org.cews.soap.service.SoapCall;
import org.cews.soap.service.SoapOperation;

/**
 * [MS-WSTEP] 3.1.4.1 RequestSecurityToken (and the KET action, which the service refuses as not
 * supported): reads the body ({@link RstReader}), calls the {@link EnrollmentService}, and writes
 * the RSTRC ({@link RstrcWriter}), or throws the fault with its CertificateEnrollmentWSDetail, or
 * the transient failure the front door answers with HTTP 503.
 */
final class RequestSecurityTokenOperation implements SoapOperation {

    private final RstReader reader;
    private final EnrollmentService service;
    private final EnrollmentService.PolicyProvider policy;

    RequestSecurityTokenOperation(
            RstReader reader, EnrollmentService service, EnrollmentService.PolicyProvider policy) {
        this.reader = reader;
        this.service = service;
        this.policy = policy;
    }

    @Override
    public SoapAnswer invoke(SoapCall call) throws SoapFaultException, TransientFailureException {
        RstRequest request;
        try {
            request = reader.read(call.request()
                    .body()
                    .orElseThrow(() -> WstepFault.sender(
                            CesMessage.CES0101.format("nothing"), CesMessage.CES0101.text("nothing"))));
        } catch (WstepFault f) {
            service.unreadable(call.caller(), call.path().keyBasedRenewal(), call.correlationId(), f);
            throw new SoapFaultException(fault(f));
        }
        RequestUrl where = RequestUrl.of(
                call.requestUrl().orElseThrow(() -> new IllegalStateException(CesMessage.CES0316.format())));
        Outcome outcome = service.handle(
                new EnrollmentCall(
                        call.caller(),
                        call.path().keyBasedRenewal(),
                        request,
                        where.endpoint(),
                        where.pendingToken(),
                        call.correlationId()),
                policy);
        if (outcome instanceof Outcome.Answer answer) {
            return new SoapAnswer(Wstep.ACTION_RSTRC, body(answer));
        }
        if (outcome instanceof Outcome.Fault f) {
            throw new SoapFaultException(fault(f.fault()));
        }
        throw new TransientFailureException(((Outcome.Transient) outcome).reason());
    }

    private static byte[] body(Outcome.Answer answer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter w = StaxFactories.output().createXMLStreamWriter(out, "UTF-8");
            RstrcWriter.write(w, answer.response());
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * The SOAP fault of a WSTEP refusal. One with a CertificateEnrollmentWSDetail (written by {@link
     * RstrcWriter#writeDetail}) carries AD CS's fault action, {@link Wstep#ACTION_DETAIL_FAULT}
     * ([MS-WSTEP] 3.1.4.1, docs/WSTEP.md §5), as the operation's declared fault; one without (a
     * request-form error) the WS-Addressing fault action.
     */
    static SoapFault fault(WstepFault f) {
        SoapFault fault =
                f.code() == WstepFault.Code.SENDER ? SoapFault.sender(f.reason()) : SoapFault.receiver(f.reason());
        return f.detail().isPresent()
                ? fault.withDetail(w -> RstrcWriter.writeDetail(w, f.detail().get()))
                        .withAction(Wstep.ACTION_DETAIL_FAULT)
                : fault;
    }
}
