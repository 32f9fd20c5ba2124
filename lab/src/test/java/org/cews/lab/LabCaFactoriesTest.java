package org.cews.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabCaFactoriesTest {

    static final LabCaContext CONTEXT =
            new LabCaContext(Path.of("ca"), "127.0.0.1", 1, "CN=x", "pw", LabAccounts.load(), Clock.systemUTC());

    @Test
    void aNamedFactoryIsInstantiated() throws Exception {
        LabCaFactory factory = LabCaFactories.resolve(Optional.of(FakeLabCaFactory.class.getName()));
        assertInstanceOf(FakeLabCa.class, factory.create(CONTEXT));
    }

    @Test
    void aNamedCaWithAContextConstructorIsInstantiatedWithTheContext() throws Exception {
        LabCaFactory factory = LabCaFactories.resolve(Optional.of(FakeLabCa.class.getName()));
        FakeLabCa ca = (FakeLabCa) factory.create(CONTEXT);
        assertEquals(CONTEXT, ca.context);
    }

    @Test
    void aMissingOrWrongClassIsExplained() {
        assertTrue(assertThrows(IllegalStateException.class, () -> LabCaFactories.resolve(Optional.of("no.such.Ca")))
                .getMessage()
                .contains("not found"));
        assertTrue(assertThrows(
                        IllegalStateException.class, () -> LabCaFactories.resolve(Optional.of(String.class.getName())))
                .getMessage()
                .contains("expected: a LabCaFactory or a LabCa"));
    }

    @Test
    void theContextConfiguresLdapPolicyForTheEmbeddedDirectory() {
        var config = CONTEXT.directoryConfig();
        assertEquals("127.0.0.1", config.servers().get(0).host());
        assertEquals(1, config.servers().get(0).port());
        assertTrue(CONTEXT.toString().contains("CN=x") && !CONTEXT.toString().contains("pw"));
    }
}
