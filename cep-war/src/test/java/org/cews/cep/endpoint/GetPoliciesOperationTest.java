package org.cews.cep.endpoint;

import static org.cews.cep.testing.LabForestPolicy.eval;
import static org.cews.cep.testing.LabForestPolicy.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.cews.cep.service.CepSettings;
import org.cews.cep.service.PolicyService;
import org.cews.cep.testing.LabForestPolicy;
import org.cews.cep.xcep.Xcep;
import org.cews.policy.acl.CallerSids;
import org.cews.policy.cache.PolicyUnavailableException;
import org.cews.soap.auth.Account;
import org.cews.soap.auth.AuthMode;
import org.cews.soap.auth.CallerIdentity;
import org.cews.soap.envelope.EnvelopeReader;
import org.cews.soap.envelope.ReplyEnvelope;
import org.cews.soap.envelope.SoapRequest;
import org.cews.soap.fault.FaultCode;
import org.cews.soap.fault.SoapFaultException;
import org.cews.soap.fault.TransientFailureException;
import org.cews.soap.service.ServicePath;
import org.cews.soap.service.SoapAnswer;
import org.cews.soap.service.SoapCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The operation on real request shapes, from the bytes to the reply envelope, without a container. */
class GetPoliciesOperationTest {

    static LabForestPolicy lab;
    static GetPoliciesOperation operation;

    @BeforeAll
    static void start() throws Exception {
        lab = LabForestPolicy.start();
        CepSettings settings = CepSettings.from(Map.of("cews.cep.policyId", "{P}")::get);
        operation = new GetPoliciesOperation(new PolicyService(lab::cached, settings));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static CallerIdentity caller(String sam, AuthMode mode) throws Exception {
        CallerSids sids = lab.caller(sam).sids().orElseThrow();
        return new CallerIdentity(
                mode, Optional.of(new Account("LAB", sam, "LAB.EXAMPLE", "CN=" + sam, sids)), Optional.empty());
    }

    static Document call(byte[] envelope, ServicePath path, String sam) throws Exception {
        try (SoapRequest request = new EnvelopeReader(64 * 1024).read(envelope)) {
            SoapAnswer answer = operation.invoke(new SoapCall(path, request, caller(sam, path.mode()), "corr"));
            assertEquals(Xcep.GET_POLICIES_RESPONSE_ACTION, answer.action());
            return parse(ReplyEnvelope.of(answer.action(), request.messageId(), answer.body())
                    .toByteArray());
        }
    }

    @Test
    void cepcesBothVersionsGetTheSameTemplates() throws Exception {
        ServicePath kerberos = ServicePath.cep(AuthMode.KERBEROS);
        Document v17 = call(LabForestPolicy.resource("cepces/GetPolicies/v0.3.17.xml"), kerberos, "WEB01$");
        Document v16 = call(LabForestPolicy.resource("cepces/GetPolicies/v0.3.16.xml"), kerberos, "WEB01$");
        assertTrue(eval(v17, "//x:policy/x:attributes/x:commonName").length() > 0);
        assertEquals(eval(v17, "count(//x:policy)"), eval(v16, "count(//x:policy)"));
        assertEquals(
                eval(v17, "//x:policy[last()]/x:attributes/x:commonName"),
                eval(v16, "//x:policy[last()]/x:attributes/x:commonName"));
        assertEquals("urn:uuid:c0c1892b-5b8e-4a06-9a3e-6f0d1c2b3a4d", eval(v17, "/s:Envelope/s:Header/a:RelatesTo"));
        assertEquals(
                Xcep.GET_POLICIES_RESPONSE_ACTION,
                eval(v17, "/s:Envelope/s:Header/a:Action").strip());
    }

    @Test
    void windowsFirstRequest() throws Exception {
        byte[] xml = LabForestPolicy.text(LabForestPolicy.resource("windows/GetPolicies/ms-xcep-4.1.1.1.xml"))
                .replace("USERNAME", "alice")
                .replace("PASSWORD", "x")
                .getBytes(StandardCharsets.UTF_8);
        Document doc = call(xml, ServicePath.cep(AuthMode.USERNAME_PASSWORD), "alice");
        assertEquals("urn:uuid:5fb5f6fd-4709-414b-8afa-0c05f6686d1c", eval(doc, "//a:RelatesTo"));
        assertTrue(Integer.parseInt(eval(doc, "count(//x:policy)")) > 0);
        assertEquals("", eval(doc, "//x:policiesNotChanged"));
    }

    @Test
    void anEmptyBodyIsASenderFault() throws Exception {
        byte[] xml = LabForestPolicy.text(LabForestPolicy.resource("cepces/GetPolicies/v0.3.17.xml"))
                .replaceAll("<ns0:Body>.*</ns0:Body>", "<ns0:Body />")
                .getBytes(StandardCharsets.UTF_8);
        SoapFaultException e =
                assertThrows(SoapFaultException.class, () -> call(xml, ServicePath.cep(AuthMode.KERBEROS), "alice"));
        assertEquals(FaultCode.SENDER, e.fault().code());
        assertTrue(e.fault().reason().startsWith("CEP0105 "), e.fault().reason());
    }

    @Test
    void noPolicyYetIs503() throws Exception {
        GetPoliciesOperation down = new GetPoliciesOperation(new PolicyService(
                () -> {
                    throw new PolicyUnavailableException("first read failed: connection refused");
                },
                CepSettings.from(Map.of("cews.cep.policyId", "{P}")::get)));
        try (SoapRequest request =
                new EnvelopeReader(64 * 1024).read(LabForestPolicy.resource("cepces/GetPolicies/v0.3.17.xml"))) {
            SoapCall call = new SoapCall(
                    ServicePath.cep(AuthMode.KERBEROS), request, caller("alice", AuthMode.KERBEROS), "corr");
            assertThrows(TransientFailureException.class, () -> down.invoke(call));
        }
    }
}
