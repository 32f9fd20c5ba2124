package org.cews.policy.model;

import java.util.List;

/**
 * One directory object as the decoders see it: its DN and its values by attribute name
 * (case-insensitive, as LDAP names are). The LDAP reader adapts UnboundID entries to it; tests
 * build it by hand.
 */
public interface AttributeSource {

    String dn();

    /** The values as UTF-8 strings; empty if the attribute is absent. */
    List<String> strings(String attribute);

    /** The raw values; empty if the attribute is absent. */
    List<byte[]> bytes(String attribute);
}
