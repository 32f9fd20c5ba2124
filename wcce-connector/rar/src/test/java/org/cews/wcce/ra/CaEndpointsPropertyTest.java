package org.cews.wcce.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CaEndpoints list: order, defaults, and a message naming the entry for each mistake. */
class CaEndpointsPropertyTest {

    @Test
    void lowerPriorityFirstAndEqualPrioritiesInTheOrderListed() throws InvalidPropertyException {
        List<ConfiguredCa> cas = CaEndpointsProperty.parse("priority=5, config=c.example\\CA C;"
                + " priority=1, host=a.example, name=Example CA A, port=10135, spn=host/a.example@EXAMPLE\n"
                + "\n"
                + "PRIORITY = 5 , Host = b.example , Name = CA B");
        assertEquals(
                List.of(
                        new ConfiguredCa(2, 1, "Example CA A", "a.example", 10135, "host/a.example@EXAMPLE"),
                        new ConfiguredCa(1, 5, "CA C", "c.example", 135, null),
                        new ConfiguredCa(3, 5, "CA B", "b.example", 135, null)),
                cas);
        assertEquals("c.example\\CA C", cas.get(1).config());
        assertEquals("host/c.example", cas.get(1).ntlmTarget());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "priority=1, config=a\\A; host=b, name=B | CaEndpoints entry 2 ('host=b, name=B'): priority is"
                        + " missing (lower is tried first)",
                "priority=1; host=a, name=A | CaEndpoints entry 1 ('priority=1'): the CA is missing (expected:"
                        + " config=host\\CA name, or host= and name=)",
                "priority=1, config=a\\A, port | CaEndpoints entry 1 ('priority=1, config=a\\A, port'): 'port' is not"
                        + " key=value",
                "prio=1, config=a\\A | CaEndpoints entry 1 ('prio=1, config=a\\A'): unknown key 'prio' (expected:"
                        + " config, host, name, port, priority, spn)",
                "priority=1, priority=2, config=a\\A | CaEndpoints entry 1 ('priority=1, priority=2, config=a\\A'):"
                        + " priority is given twice",
                "priority=1, config=a\\A, spn= | CaEndpoints entry 1 ('priority=1, config=a\\A, spn='): spn is empty",
                "priority=-1, config=a\\A | CaEndpoints entry 1 ('priority=-1, config=a\\A'): priority must be a"
                        + " whole number from 0 to 2147483647 (actual: '-1')",
                "priority=first, config=a\\A | CaEndpoints entry 1 ('priority=first, config=a\\A'): priority must be"
                        + " a whole number from 0 to 2147483647 (actual: 'first')",
                "priority=1, config=a\\A, port=70000 | CaEndpoints entry 1 ('priority=1, config=a\\A, port=70000'):"
                        + " port must be a whole number from 1 to 65535 (actual: '70000')",
                "priority=1, config=Example CA | CaEndpoints entry 1 ('priority=1, config=Example CA'): config must"
                        + " be host\\CA name (actual: 'Example CA')",
                "priority=1, config=a\\A, host=b | CaEndpoints entry 1 ('priority=1, config=a\\A, host=b'): config="
                        + " already gives host and name; drop host= and name=",
                "priority=1, host=a | CaEndpoints entry 1 ('priority=1, host=a'): the CA is missing (expected:"
                        + " config=host\\CA name, or host= and name=)",
                "priority=1, config=a\\A; priority=2, host=A, name=a | CaEndpoints entry 2 ('priority=2, host=A,"
                        + " name=a'): the same CA as entry 1",
                " ; | CaEndpoints lists no CA (expected: entries such as 'priority=1, config=ca01.example.com\\Example"
                        + " CA', separated by ';')",
            })
    void eachMistakeIsNamedWithItsEntry(String value, String message) {
        InvalidPropertyException e =
                assertThrows(InvalidPropertyException.class, () -> CaEndpointsProperty.parse(value));
        assertEquals(message, e.getMessage());
    }

    private static CaManagedConnectionFactory withList(String list) {
        CaManagedConnectionFactory f = new CaManagedConnectionFactory();
        f.setCaEndpoints(list);
        return f;
    }

    @Test
    void aBadListFailsTheDeploymentWhenTheFactoryIsCreated() {
        InvalidPropertyException e = assertThrows(
                InvalidPropertyException.class, () -> withList("priority=1, config=a\\A; priority=x, config=b\\B")
                        .createConnectionFactory(null));
        assertEquals(
                "CaEndpoints entry 2 ('priority=x, config=b\\B'): priority must be a whole number from 0 to"
                        + " 2147483647 (actual: 'x')",
                e.getMessage());
    }

    @Test
    void oneCaOrAListNotBoth() {
        CaManagedConnectionFactory both = withList("priority=1, config=a\\A");
        both.setCaHost("a");
        InvalidPropertyException e =
                assertThrows(InvalidPropertyException.class, () -> both.createConnectionFactory(null));
        assertEquals(
                "CaEndpoints lists every CA with its host and spn: remove CaHost and CaServicePrincipal, which"
                        + " describe the one CA of a definition without CaEndpoints",
                e.getMessage());
    }

    @Test
    void theOneCaFormStillWorksAsTheOnlyEntry() throws ResourceException {
        CaManagedConnectionFactory single = new CaManagedConnectionFactory();
        single.setCaName("Lab-Issuing-CA");
        single.setCaHost("127.0.0.1");
        single.setCaPort(10135);
        single.setCaServicePrincipal("host/ca.lab.example@LAB.EXAMPLE");
        assertEquals(
                List.of(new ConfiguredCa(
                        1, 0, "Lab-Issuing-CA", "127.0.0.1", 10135, "host/ca.lab.example@LAB.EXAMPLE")),
                single.cas());
        assertEquals("Lab-Issuing-CA", single.advertisedCaName());
    }

    @Test
    void caNameNamesTheCesEvenWithAList() {
        CaManagedConnectionFactory f = withList("priority=1, config=a\\A; priority=2, config=b\\B");
        assertEquals("A", f.advertisedCaName());
        f.setCaName("B");
        assertEquals("B", f.advertisedCaName());
    }

    @Test
    void backoffAndMaximumAgeAreChecked() {
        CaManagedConnectionFactory f = withList("priority=1, config=a\\A");
        f.setUnavailableBackoffSeconds(-1);
        assertEquals(
                "UnavailableBackoffSeconds must be 0 or more (actual: -1)",
                assertThrows(InvalidPropertyException.class, () -> f.createConnectionFactory(null))
                        .getMessage());
        f.setUnavailableBackoffSeconds(0);
        f.setConnectionMaxAgeMinutes(0);
        assertEquals(
                "ConnectionMaxAgeMinutes must be 1 or more (actual: 0)",
                assertThrows(InvalidPropertyException.class, () -> f.createConnectionFactory(null))
                        .getMessage());
    }
}
