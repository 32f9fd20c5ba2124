package org.cews.client.wstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.cews.client.ClientException;
import org.cews.client.ClientMessage;
import org.cews.client.Failure;
import org.cews.client.Fixtures;
import org.cews.client.soap.SoapFault;
import org.cews.client.soap.SoapResponse;
import org.junit.jupiter.api.Test;

class EnrollmentFaultTest {

    @Test
    void aPolicyDenialNamesTheHresultAndItsMeaning() throws Exception {
        EnrollmentFault f = fault("wstep/fault_bad_template_version_server_response.xml");

        assertEquals("s:Receiver", f.fault().codes());
        assertEquals("Denied by Policy Module", f.fault().reason());
        assertEquals(0x80094807, f.errorCode().orElseThrow().value());
        assertEquals(Optional.of(true), f.invalidRequest());
        assertEquals(Optional.of("368"), f.requestId());
        ClientException e = f.toException("https://ces");
        assertEquals(ClientMessage.ENROLLMENT_DENIED, e.messageId());
        assertEquals(Failure.DENIED, e.failure());
        assertEquals(
                "ENR0501 https://ces refused the request: Denied by Policy Module, request 368 (HRESULT 0x80094807"
                        + " CERTSRV_E_BAD_TEMPLATE_VERSION: the template version in the request is not the CA's)",
                e.getMessage());
    }

    @Test
    void anEmptyReasonStillNamesTheCode() throws Exception {
        ClientException e =
                fault("wstep/fault_restricted_officer_server_response.xml").toException("u");
        assertTrue(e.getMessage().contains("(no reason given), request 28"), e.getMessage());
        assertTrue(e.getMessage().contains("0x80094009 CERTSRV_E_RESTRICTEDOFFICER"), e.getMessage());
    }

    @Test
    void aFaultWithoutDetailNamesItsCodes() throws Exception {
        EnrollmentFault f = fault("wstep/fault_server_response.xml");
        assertTrue(f.errorCode().isEmpty());
        ClientException e = f.toException("u");
        assertEquals(ClientMessage.SOAP_FAULT, e.messageId());
        assertTrue(e.getMessage().endsWith("(code s:Receiver/a:InternalServiceFault)"), e.getMessage());
    }

    @Test
    void theAddressingFaultIsASenderFault() throws Exception {
        EnrollmentFault f = fault("wstep/fault_address_filter_mismatch_server_response.xml");
        assertEquals("s:Sender/a:DestinationUnreachable", f.fault().codes());
        assertTrue(f.fault().reason().startsWith("The message with To ''"));
    }

    @Test
    void aWsSecurityFaultIsAnAuthenticationFailure() {
        SoapFault f = new SoapFault(
                "s:Sender", Optional.of("wsse:FailedAuthentication"), "SOAP0201 wrong password", Optional.empty());
        ClientException e = EnrollmentFault.of(f).toException("https://cep");
        assertEquals(ClientMessage.AUTHENTICATION_FAULT, e.messageId());
        assertEquals(Failure.AUTHENTICATION, e.failure());
        assertEquals(
                "ENR0306 https://cep refused the credentials: SOAP0201 wrong password (code s:Sender/wsse:FailedAuthentication)",
                e.getMessage());
    }

    @Test
    void unknownHresultsAreShownAsHex() {
        HResult h = HResult.parse("-2147024891").orElseThrow();
        assertEquals("0x80070005", h.hex());
        assertEquals(Optional.of("E_ACCESSDENIED"), h.name());
        assertEquals("0x12345678", HResult.parse("0x12345678").orElseThrow().hex());
        assertTrue(HResult.parse("0x12345678").orElseThrow().name().isEmpty());
        assertTrue(HResult.parse("nope").isEmpty());
    }

    private static EnrollmentFault fault(String path) throws ClientException {
        SoapResponse r = SoapResponse.read(Fixtures.bytes(path), "fixture");
        return EnrollmentFault.of(assertInstanceOf(SoapResponse.Fault.class, r).fault());
    }
}
