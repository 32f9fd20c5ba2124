package org.cews.policy.ldap;

import com.unboundid.ldap.sdk.Entry;
import java.util.Arrays;
import java.util.List;
import org.cews.policy.model.AttributeSource;

/** An UnboundID entry as the model's decoders read it. */
record EntryAttributeSource(Entry entry) implements AttributeSource {

    @Override
    public String dn() {
        return entry.getDN();
    }

    @Override
    public List<String> strings(String attribute) {
        String[] values = entry.getAttributeValues(attribute);
        return values == null ? List.of() : Arrays.asList(values);
    }

    @Override
    public List<byte[]> bytes(String attribute) {
        byte[][] values = entry.getAttributeValueByteArrays(attribute);
        return values == null ? List.of() : Arrays.asList(values);
    }
}
