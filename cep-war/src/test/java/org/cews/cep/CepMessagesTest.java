package org.cews.cep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.MessageFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CepMessagesTest {

    @Test
    void everyMessageFormatsAsMessageFormatDoes() {
        Object[] args = {"LAB\\alice", "CERTIFICATE", "ADPolicyProvider_CEP_Certificate", 12, 1_234, false, true, "c0"};
        for (CepMessages m : CepMessages.values()) {
            String expected = new MessageFormat(m.pattern().toString(), Locale.ROOT).format(args);
            assertEquals(m.name() + " " + expected, m.format(args), m.name());
        }
        assertEquals(
                "CEP0201 GetPolicies answered caller=LAB\\alice mode=CERTIFICATE endpoint=ADPolicyProvider_CEP_Certificate"
                        + " templates=12 cas=1,234 notChanged=false cached=true correlation=c0",
                CepMessages.CEP0201.format(args));
    }
}
