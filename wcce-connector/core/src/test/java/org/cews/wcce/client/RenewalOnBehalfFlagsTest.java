package org.cews.wcce.client;

import static org.cews.wcce.ndr.GoldenHex.hex;
import static org.cews.wcce.ndr.GoldenHex.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.RequestFormat;
import org.cews.wcce.msicpr.CertServerRequest;
import org.cews.wcce.msicpr.RequestFlag;
import org.cews.wcce.msicpr.RequestFlags;
import org.cews.wcce.msicpr.RequestType;
import org.junit.jupiter.api.Test;

/** [MS-WCCE] 3.2.2.6.2.1.2.4: a renewal on behalf of another subject carries CR_IN_ROBO on the wire. */
class RenewalOnBehalfFlagsTest {

    static final byte[] FAKE_CMS = {0x30, 0x03, 0x02, 0x01, 0x05};

    static final EnrollmentRequest RENEWAL =
            new EnrollmentRequest(RequestFormat.CMS, FAKE_CMS, Map.of("CertificateTemplate", "User"), true);

    @Test
    void aRenewalOnBehalfIsSubmittedWithCrInRoboOnTheWire() {
        CertServerRequest call = CertServerRequest.submit(
                IcprSession.submitFlags(RENEWAL.renewingOnBehalf()),
                "CONTOSO-CA",
                RENEWAL.attributeString(),
                RENEWAL.request());

        assertEquals(hex(resource("/org/cews/wcce/msicpr/cert-server-request-submit-robo.hex")), hex(call.encode()));
    }

    @Test
    void theFlagIsBit0x00200000AndNothingElseChanges() {
        RequestFlags plain = IcprSession.submitFlags(RENEWAL);
        RequestFlags robo = IcprSession.submitFlags(RENEWAL.renewingOnBehalf());

        assertEquals(0x00040300, plain.value());
        assertEquals(0x00240300, robo.value());
        assertEquals(RequestFlags.of(RequestType.PKCS7, RequestFlag.FULL_RESPONSE, RequestFlag.ROBO_RENEWAL), robo);
        assertEquals("CR_IN_ROBO", RequestFlag.ROBO_RENEWAL.toString());
    }

    @Test
    void aRequestWithoutTheMarkHasNoRoboBit() {
        EnrollmentRequest pkcs10 = new EnrollmentRequest(RequestFormat.PKCS10, FAKE_CMS, Map.of(), false);

        assertEquals(0x00000100, IcprSession.submitFlags(pkcs10).value());
    }

    @Test
    void aRenewalOnBehalfCannotAlsoBeSignedByTheEnrollmentAgent() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new EnrollmentRequest(RequestFormat.CMS, FAKE_CMS, Map.of(), true, "LAB\\alice", true));
    }
}
