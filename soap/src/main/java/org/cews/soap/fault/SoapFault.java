package org.cews.soap.fault;

import java.util.Optional;
import javax.xml.namespace.QName;
import org.cews.soap.envelope.Soap12;

/**
 * A SOAP 1.2 fault (SOAP 1.2 Part 1 §5.4). The reason is the one thing every
 * client shows: cepces prints it and certmonger keeps it as ca-error, so it says what went wrong
 * and what to do, in a sentence (docs/REAL-CLIENTS.md §3), and never carries a stack trace.
 *
 * @param subcode a more precise code, e.g. wsse:FailedAuthentication or wsa:ActionNotSupported
 * @param detail writes the Detail element's content, if the fault has one
 * @param action the reply's wsa:Action, if the service defines one for this fault (WS-Addressing 1.0
 *     SOAP Binding §6: a fault defined by a WSDL operation carries that operation's fault action,
 *     e.g. [MS-WSTEP] 3.1.4.1's RequestSecurityTokenCertificateEnrollmentWSDetailFault); empty: the
 *     WS-Addressing fault action {@link Soap12#FAULT_ACTION}
 */
public record SoapFault(
        FaultCode code,
        Optional<QName> subcode,
        String reason,
        Optional<DetailWriter> detail,
        Optional<String> action) {

    public SoapFault {
        if (code == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a SOAP fault needs a code and a reason");
        }
        if (action.isPresent() && action.get().isBlank()) {
            throw new IllegalArgumentException("a SOAP fault's Action, when set, is a URI");
        }
    }

    /** A fault with the WS-Addressing fault action. */
    public SoapFault(FaultCode code, Optional<QName> subcode, String reason, Optional<DetailWriter> detail) {
        this(code, subcode, reason, detail, Optional.empty());
    }

    /** A bad request: the client must change it. */
    public static SoapFault sender(String reason) {
        return new SoapFault(FaultCode.SENDER, Optional.empty(), reason, Optional.empty());
    }

    /** The server failed on a correct request. */
    public static SoapFault receiver(String reason) {
        return new SoapFault(FaultCode.RECEIVER, Optional.empty(), reason, Optional.empty());
    }

    public SoapFault withSubcode(QName subcode) {
        return new SoapFault(code, Optional.of(subcode), reason, detail, action);
    }

    public SoapFault withDetail(DetailWriter detail) {
        return new SoapFault(code, subcode, reason, Optional.of(detail), action);
    }

    /** The same fault, its reply carrying {@code action} as wsa:Action instead of the generic fault action. */
    public SoapFault withAction(String action) {
        return new SoapFault(code, subcode, reason, detail, Optional.of(action));
    }

    /** The wsa:Action of the reply that carries this fault. */
    public String replyAction() {
        return action.orElse(Soap12.FAULT_ACTION);
    }
}
