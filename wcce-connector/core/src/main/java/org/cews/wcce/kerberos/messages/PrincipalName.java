package org.cews.wcce.kerberos.messages;

import java.util.ArrayList;
import java.util.List;
import org.cews.wcce.kerberos.asn1.Der;
import org.cews.wcce.kerberos.asn1.DerException;
import org.cews.wcce.kerberos.asn1.DerReader;
import org.cews.wcce.kerberos.asn1.DerValue;
import org.cews.wcce.kerberos.asn1.DerWriter;

/**
 * RFC 4120 §5.2.2: {@code PrincipalName ::= SEQUENCE { name-type [0] Int32, name-string [1]
 * SEQUENCE OF KerberosString }}.
 */
public record PrincipalName(int nameType, List<String> components) {

    /** NT-PRINCIPAL, a user or host. */
    public static final int NT_PRINCIPAL = 1;
    /** NT-SRV-INST, a service and its instance. */
    public static final int NT_SRV_INST = 2;

    public PrincipalName {
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a principal name needs at least one component");
        }
    }

    /** {@code name} split at each '/'; no realm. */
    public static PrincipalName of(int nameType, String name) {
        return new PrincipalName(nameType, List.of(name.split("/", -1)));
    }

    public byte[] encode() {
        byte[][] strings = new byte[components.size()][];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = DerWriter.generalString(components.get(i));
        }
        return DerWriter.sequence(
                DerWriter.explicit(0, DerWriter.integer(nameType)), DerWriter.explicit(1, DerWriter.sequence(strings)));
    }

    public static PrincipalName decode(DerValue value) throws DerException {
        value.expectTag(Der.SEQUENCE);
        DerReader fields = value.contents();
        int nameType = fields.readExplicit(0).asInt32();
        DerReader strings = fields.readExplicit(1).contents();
        List<String> components = new ArrayList<>();
        while (strings.hasMore()) {
            components.add(strings.read().asGeneralString());
        }
        if (components.isEmpty()) {
            throw new DerException("name-string (expected: at least one component, actual: none)");
        }
        return new PrincipalName(nameType, components);
    }

    @Override
    public String toString() {
        return String.join("/", components);
    }
}
