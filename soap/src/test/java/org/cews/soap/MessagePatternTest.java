package org.cews.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagePatternTest {

    /** Arguments of every kind the registries are given. */
    static final Object[] ARGS = {
        "LAB\\alice", 1_048_576, true, null, Instant.parse("2026-12-08T01:00:00Z"), -12.3456, 7L, new Date(0)
    };

    /** What {@link MessageFormat} makes of the same pattern and arguments. */
    public static String expected(String pattern, Object... args) {
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    @Test
    void formatsAsMessageFormatDoes() {
        for (String pattern : new String[] {
            "{0}", "a {1} b {0}{2} c", "{3} and {4}, {5} {6} {7}", "no placeholder", "", "{0} {9} missing"
        }) {
            assertEquals(expected(pattern, ARGS), new MessagePattern(pattern).format(ARGS), pattern);
        }
        assertEquals(expected("{0} {1}", "x"), new MessagePattern("{0} {1}").format("x"));
        assertEquals("1,048,576 bytes", new MessagePattern("{0} bytes").format(1_048_576));
        for (long n : new long[] {0, 7, -7, 999, -999, 1000, -1000, 12_345, Long.MIN_VALUE + 1}) {
            assertEquals(expected("{0}", n), new MessagePattern("{0}").format(n), "long " + n);
            assertEquals(expected("{0}", (int) n), new MessagePattern("{0}").format((int) n), "int " + (int) n);
        }
    }

    @Test
    void everySoapMessageFormatsAsBefore() {
        for (SoapMessages m : SoapMessages.values()) {
            String before = expected(m.pattern().toString(), ARGS);
            assertEquals(m.name() + " " + before, m.format(ARGS), m.name());
            assertEquals(before, m.text(ARGS), m.name());
        }
        assertEquals(
                "SOAP0101 the request is larger than 1,048,576 bytes, the most this service reads",
                SoapMessages.SOAP0101.format(1_048_576));
    }

    @Test
    void quotesAndFormatTypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MessagePattern("it''s {0}"));
        assertThrows(IllegalArgumentException.class, () -> new MessagePattern("{0,number}"));
        assertThrows(IllegalArgumentException.class, () -> new MessagePattern("{x}"));
        assertThrows(IllegalArgumentException.class, () -> new MessagePattern("open {0"));
        assertThrows(IllegalArgumentException.class, () -> new MessagePattern("close }"));
    }
}
