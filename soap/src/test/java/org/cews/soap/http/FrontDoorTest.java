package org.cews.soap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.cews.policy.acl.CallerSids;
import org.cews.policy.acl.Sid;
import org.cews.soap.auth.Account;
import org.cews.soap.auth.AuthMode;
import org.cews.soap.auth.AuthenticationException;
import org.cews.soap.auth.AuthenticationException.Kind;
import org.cews.soap.auth.CallerAuthenticator;
import org.cews.soap.auth.CallerIdentity;
import org.cews.soap.envelope.EnvelopeReader;
import org.cews.soap.envelope.Soap12;
import org.cews.soap.fault.SoapFault;
import org.cews.soap.fault.SoapFaultException;
import org.cews.soap.fault.TransientFailureException;
import org.cews.soap.service.ServicePaths;
import org.cews.soap.service.SoapAnswer;
import org.cews.soap.service.SoapOperation;
import org.junit.jupiter.api.Test;

class FrontDoorTest {

    static final String ACTION = "urn:test/Op";
    static final String KERBEROS = "/ADPolicyProvider_CEP_Kerberos/service.svc/CEP";
    static final String USERNAME = "/ADPolicyProvider_CEP_UsernamePassword/service.svc/CEP";

    static String envelope(String action) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">"
                + "<s:Header>" + (action == null ? "" : "<a:Action>" + action + "</a:Action>")
                + "<a:MessageID>urn:uuid:7</a:MessageID></s:Header><s:Body><x:Op xmlns:x=\"urn:test\"/></s:Body></s:Envelope>";
    }

    static CallerIdentity alice(AuthMode mode) throws Exception {
        CallerSids sids = CallerSids.authenticated(Sid.parse("S-1-5-21-1-2-3-1105"), Set.of());
        return new CallerIdentity(
                mode, Optional.of(new Account("LAB", "alice", "LAB.EXAMPLE", "CN=alice", sids)), Optional.empty());
    }

    private final AtomicReference<AuthenticationException> refusal = new AtomicReference<>();
    private final CallerAuthenticator authenticator = (mode, kbr, request, token) -> {
        if (refusal.get() != null) {
            throw refusal.get();
        }
        try {
            return alice(mode);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    private FrontDoor door(SoapOperation operation) {
        return new FrontDoor(
                ServicePaths.cep(), Map.of(ACTION, operation), authenticator, new EnvelopeReader(4096), () -> "corr-1");
    }

    private static String text(HttpAnswer answer) {
        return new String(((HttpAnswer.Soap) answer).envelope().toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerCarriesRelatesToAndTheCaller() {
        HttpAnswer answer = door(call -> new SoapAnswer(
                        "urn:test/OpResponse",
                        ("<r>" + call.caller().name() + " " + call.path().mode() + " " + call.correlationId() + "</r>")
                                .getBytes(StandardCharsets.UTF_8)))
                .post(KERBEROS.toLowerCase(), FakeRequests.post(envelope(ACTION)));
        assertEquals(200, answer.status());
        String xml = text(answer);
        assertTrue(xml.contains("<a:RelatesTo>urn:uuid:7</a:RelatesTo>"), xml);
        assertTrue(xml.contains("<r>LAB\\alice KERBEROS corr-1</r>"), xml);
    }

    @Test
    void theCallCarriesTheRequestUrlWithItsQuery() {
        AtomicReference<Optional<String>> seen = new AtomicReference<>();
        SoapOperation record = call -> {
            seen.set(call.requestUrl());
            return new SoapAnswer("urn:test/OpResponse", "<r/>".getBytes(StandardCharsets.UTF_8));
        };
        String url = "https://cews.example:8443" + KERBEROS;
        door(record).post(KERBEROS, FakeRequests.post(envelope(ACTION), url, "pending=a.b%2Bc"));
        assertEquals(Optional.of(url + "?pending=a.b%2Bc"), seen.get());
        door(record).post(KERBEROS, FakeRequests.post(envelope(ACTION), url, null));
        assertEquals(Optional.of(url), seen.get());
        door(record).post(KERBEROS, FakeRequests.post(envelope(ACTION)));
        assertEquals(Optional.empty(), seen.get());
    }

    @Test
    void aFaultWithItsOwnActionGoesOutWithIt() {
        SoapOperation refuse = call -> {
            throw new SoapFaultException(SoapFault.receiver("denied").withAction("urn:test/OpFault"));
        };
        String xml = text(door(refuse).post(KERBEROS, FakeRequests.post(envelope(ACTION))));
        assertTrue(xml.contains(">urn:test/OpFault</a:Action>"), xml);
        assertFalse(xml.contains(Soap12.FAULT_ACTION), xml);
    }

    @Test
    void aPostToAnotherPathIsASoapFault() {
        HttpAnswer answer = door(call -> null).post("/index.html", FakeRequests.post(envelope(ACTION)));
        assertEquals(500, answer.status());
        String xml = text(answer);
        assertTrue(xml.contains("s:Sender"), xml);
        assertTrue(xml.contains("SOAP0108 there is no service at /index.html"), xml);
    }

    @Test
    void dispatchIsOnActionOnly() {
        HttpAnswer missing = door(call -> null).post(KERBEROS, FakeRequests.post(envelope(null)));
        assertTrue(text(missing).contains("a:MessageAddressingHeaderRequired"), text(missing));
        HttpAnswer unknown = door(call -> null).post(KERBEROS, FakeRequests.post(envelope("urn:other")));
        assertEquals(500, unknown.status());
        assertTrue(text(unknown).contains("a:ActionNotSupported"), text(unknown));
        assertTrue(text(unknown).contains("<a:RelatesTo>urn:uuid:7</a:RelatesTo>"), text(unknown));
    }

    @Test
    void malformedXmlIsASenderFault() {
        HttpAnswer answer = door(call -> null).post(KERBEROS, FakeRequests.post("<s:Envelope"));
        assertEquals(500, answer.status());
        assertTrue(text(answer).contains("s:Sender"), text(answer));
    }

    @Test
    void refusedUsernameTokenIsAFailedAuthenticationFault() {
        refusal.set(new AuthenticationException(Kind.REFUSED, "wrong password for alice"));
        HttpAnswer answer = door(call -> null).post(USERNAME, FakeRequests.post(envelope(ACTION)));
        assertEquals(500, answer.status());
        String xml = text(answer);
        assertTrue(xml.contains("wsse:FailedAuthentication"), xml);
        assertFalse(xml.contains("wrong password"), "the reason is for the log only: " + xml);
    }

    @Test
    void refusedTransportCredentialIs403() {
        refusal.set(new AuthenticationException(Kind.MISSING, "no Negotiate"));
        HttpAnswer answer = door(call -> null).post(KERBEROS, FakeRequests.post(envelope(ACTION)));
        assertInstanceOf(HttpAnswer.Text.class, answer);
        assertEquals(403, answer.status());
    }

    @Test
    void rateLimitedIsAFault() {
        refusal.set(new AuthenticationException(Kind.RATE_LIMITED, "5 failures"));
        HttpAnswer answer = door(call -> null).post(KERBEROS, FakeRequests.post(envelope(ACTION)));
        assertEquals(500, answer.status());
        assertTrue(text(answer).contains("SOAP0202"), text(answer));
    }

    @Test
    void unavailableDirectoryOrBackendIs503WithoutBody() {
        refusal.set(new AuthenticationException(Kind.UNAVAILABLE, "KDC down"));
        assertEquals(new HttpAnswer.Empty(503), door(call -> null).post(USERNAME, FakeRequests.post(envelope(ACTION))));
        refusal.set(null);
        SoapOperation down = call -> {
            throw new TransientFailureException("directory down");
        };
        assertEquals(new HttpAnswer.Empty(503), door(down).post(USERNAME, FakeRequests.post(envelope(ACTION))));
    }

    @Test
    void anOperationsFaultGoesOutAsIs() {
        SoapOperation refuse = call -> {
            throw new SoapFaultException(SoapFault.sender("client element missing"));
        };
        HttpAnswer answer = door(refuse).post(KERBEROS, FakeRequests.post(envelope(ACTION)));
        assertEquals(500, answer.status());
        assertTrue(text(answer).contains("client element missing"), text(answer));
    }

    @Test
    void anUnexpectedFailureIsAReceiverFaultWithoutStackTrace() {
        SoapOperation broken = call -> {
            throw new IllegalStateException("secret internals");
        };
        HttpAnswer answer = door(broken).post(KERBEROS, FakeRequests.post(envelope(ACTION)));
        assertEquals(500, answer.status());
        String xml = text(answer);
        assertTrue(xml.contains("s:Receiver"), xml);
        assertTrue(xml.contains("corr-1"), xml);
        assertFalse(xml.contains("secret internals"), xml);
        assertFalse(xml.contains("IllegalStateException"), xml);
    }
}
