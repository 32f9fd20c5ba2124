package org.cews.cep.xcep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.cews.cep.testing.LabForestPolicy;
import org.cews.policy.model.Oid;
import org.cews.policy.view.RequestFilter;
import org.cews.soap.envelope.EnvelopeReader;
import org.cews.soap.envelope.SoapRequest;
import org.junit.jupiter.api.Test;

class GetPoliciesReaderTest {

    private static GetPoliciesRequest read(byte[] envelope) throws Exception {
        try (SoapRequest request = new EnvelopeReader(64 * 1024).read(envelope)) {
            return GetPoliciesReader.read(request.body().orElseThrow());
        }
    }

    private static GetPoliciesRequest readBody(String getPolicies) throws Exception {
        return read(("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body"
                        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:x=\"" + Xcep.NS + "\">"
                        + getPolicies + "</s:Body></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** [MS-XCEP] 4.1.1.1: lastUpdate 0001-01-01T00:00:00 without a zone, requestFilter nil. */
    @Test
    void windowsFirstRequest() throws Exception {
        GetPoliciesRequest request = read(LabForestPolicy.resource("windows/GetPolicies/ms-xcep-4.1.1.1.xml"));
        assertEquals(Optional.of(Instant.parse("0001-01-01T00:00:00Z")), request.lastUpdate());
        assertEquals(Optional.empty(), request.preferredLanguage());
        assertEquals(RequestFilter.NONE, request.filter(false));
    }

    /** cepces v0.3.17: lastUpdate nil, policyOIDs nil, clientVersion and serverVersion 0. */
    @Test
    void cepces0317ZeroVersionsMeanNoFilter() throws Exception {
        GetPoliciesRequest request = read(LabForestPolicy.resource("cepces/GetPolicies/v0.3.17.xml"));
        assertEquals(Optional.empty(), request.lastUpdate());
        assertEquals(OptionalInt.of(0), request.clientVersion());
        assertEquals(RequestFilter.NONE, request.filter(false), "0/0 is the same filter as nil/nil");
        assertTrue(request.policyOids().isEmpty());
    }

    /** cepces up to v0.3.16: clientVersion and serverVersion xsi:nil. */
    @Test
    void cepces0316NilVersionsMeanNoFilter() throws Exception {
        GetPoliciesRequest request = read(LabForestPolicy.resource("cepces/GetPolicies/v0.3.16.xml"));
        assertEquals(RequestFilter.NONE, request.filter(false));
    }

    @Test
    void filterWithOidsAndVersions() throws Exception {
        GetPoliciesRequest request =
                readBody("<x:GetPolicies><x:client><x:lastUpdate>2026-12-01T09:00:00Z</x:lastUpdate>"
                        + "<x:preferredLanguage>de-DE</x:preferredLanguage></x:client><x:requestFilter><x:policyOIDs>"
                        + "<x:oid>1.3.6.1.4.1.311.21.8.1.2</x:oid><x:oid> 1.2.3 </x:oid></x:policyOIDs>"
                        + "<x:clientVersion>3</x:clientVersion><x:serverVersion>2</x:serverVersion><x:future/>"
                        + "</x:requestFilter></x:GetPolicies>");
        assertEquals(Optional.of(Instant.parse("2026-12-01T09:00:00Z")), request.lastUpdate());
        assertEquals(Optional.of("de-DE"), request.preferredLanguage());
        assertEquals(Optional.of(Set.of(new Oid("1.3.6.1.4.1.311.21.8.1.2"), new Oid("1.2.3"))), request.policyOids());
        assertEquals(OptionalInt.of(3), request.filter(true).clientVersionLimit());
        assertTrue(request.filter(true).keyBasedRenewal());
    }

    /** [MS-XCEP] 4.1.2.1's lastUpdate is not a date: read as nil, the full policy goes out. */
    @Test
    void anUnparsableLastUpdateCountsAsOld() throws Exception {
        GetPoliciesRequest request = readBody(
                "<x:GetPolicies><x:client><x:lastUpdate>20090-03-15-T09:38:46</x:lastUpdate>"
                        + "<x:preferredLanguage xsi:nil=\"true\"/></x:client><x:requestFilter xsi:nil=\"true\"/></x:GetPolicies>");
        assertEquals(Optional.empty(), request.lastUpdate());
    }

    @Test
    void clientIsRequired() {
        for (String body : new String[] {
            "<x:GetPolicies><x:requestFilter xsi:nil=\"true\"/></x:GetPolicies>",
            "<x:GetPolicies><x:client xsi:nil=\"true\"/></x:GetPolicies>",
            "<x:GetPolicies><x:client/></x:GetPolicies>",
            "<x:GetPolicies/>"
        }) {
            XcepRequestException e = assertThrows(XcepRequestException.class, () -> readBody(body), body);
            assertTrue(e.getMessage().startsWith("CEP0102 "), e.getMessage());
        }
    }

    @Test
    void anotherOperationIsRefused() {
        XcepRequestException e = assertThrows(XcepRequestException.class, () -> readBody("<x:GetPolicy/>"));
        assertTrue(e.getMessage().startsWith("CEP0101 "), e.getMessage());
    }

    @Test
    void aVersionThatIsNotANumberIsRefused() {
        XcepRequestException e = assertThrows(
                XcepRequestException.class,
                () -> readBody("<x:GetPolicies><x:client><x:lastUpdate xsi:nil=\"true\"/></x:client><x:requestFilter>"
                        + "<x:clientVersion>seven</x:clientVersion></x:requestFilter></x:GetPolicies>"));
        assertEquals(
                "CEP0103 requestFilter/clientVersion must be a whole number or xsi:nil (actual: \"seven\")",
                e.getMessage());
    }
}
