package org.cews.soap.fault;

import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A SOAP 1.2 fault (SOAP 1.2 Part 1 §5.4). The reason is the one thing every
 * client shows: cepces prints it and certmonger keeps it as ca-error, so it says what went wrong
 * and what to do, in a sentence (docs/REAL-CLIENTS.md §3), and never carries a stack trace.
 *
 * @param subcode a more precise code, e.g. wsse:FailedAuthentication or wsa:ActionNotSupported
 * @param detail writes the Detail element's content, if the fault has one
 */
public record SoapFault(FaultCode code, Optional<QName> subcode, String reason, Optional<DetailWriter> detail) {

    public SoapFault {
        if (code == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a SOAP fault needs a code and a reason");
        }
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
        return new SoapFault(code, Optional.of(subcode), reason, detail);
    }

    public SoapFault withDetail(DetailWriter detail) {
        return new SoapFault(code, subcode, reason, Optional.of(detail));
    }
}
