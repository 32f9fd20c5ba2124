package org.cews.soap.envelope;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The one hardened Woodstox input factory and the one output factory of the SOAP layer, created
 * directly rather than found by {@code XMLInputFactory.newInstance()}: the JDK's own StAX costs a
 * third of the throughput on the cached GetPolicies path (docs/adr/0002). Both factories are
 * thread-safe once configured; readers and writers are not.
 *
 * <p>Input: namespace-aware; DTDs not supported, external entities never resolved, entity
 * references reported instead of replaced (the reader refuses all but the five predefined ones);
 * coalesced text; limits on depth, attribute count and text length far above what a CEP or CES
 * request needs and far below what an attack needs.
 */
public final class StaxFactories {

    private static final XMLInputFactory INPUT = createInput();
    private static final XMLOutputFactory OUTPUT = new WstxOutputFactory();

    private StaxFactories() {}

    public static XMLInputFactory input() {
        return INPUT;
    }

    public static XMLOutputFactory output() {
        return OUTPUT;
    }

    private static XMLInputFactory createInput() {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 64);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 4 * 1024 * 1024);
        return factory;
    }
}
