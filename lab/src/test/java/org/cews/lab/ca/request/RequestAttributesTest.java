package org.cews.lab.ca.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** [MS-WCCE] 3.2.1.4.2.1.2 pwszAttributes and 2.2.2.6.3 RegInfo syntax. */
class RequestAttributesTest {

    @Test
    void blanksAndMinusSignsLeaveTheNameAndBlanksAroundTheValue() {
        RequestAttributes a = RequestAttributes.parse(" Certificate-Template : Lab User V2 \nccm:host1");
        assertEquals(List.of(Map.entry("CertificateTemplate", "Lab User V2"), Map.entry("ccm", "host1")), a.pairs());
    }

    @Test
    void linesWithoutAColonOrANameAreIgnored() {
        RequestAttributes a = RequestAttributes.parse("garbage\n:value\n\nrmd:web01.lab.example");
        assertEquals(List.of(Map.entry("rmd", "web01.lab.example")), a.pairs());
    }

    @Test
    void namesCompareCaseInsensitivelyAndKeepEveryValue() {
        RequestAttributes a = RequestAttributes.parse("certificatetemplate:User\nCERTIFICATETEMPLATE:Machine");
        assertEquals(List.of("User", "Machine"), a.all("CertificateTemplate"));
    }

    @Test
    void theValueKeepsLaterColons() {
        assertEquals(
                "CN=x:y", RequestAttributes.parse("SAN:CN=x:y").first("san").orElseThrow());
    }

    @Test
    void regInfoIsAmpersandSeparatedAndUrlDecoded() {
        RequestAttributes a = RequestAttributes.parse("");
        assertEquals(List.of(), a.pairs());
        RequestAttributes r = RequestAttributes.parseRegInfo("requestername=LAB%5Cbob&CertificateTemplate=User&=x&bad");
        assertEquals(
                List.of(Map.entry("requestername", "LAB\\bob"), Map.entry("CertificateTemplate", "User")), r.pairs());
    }
}
