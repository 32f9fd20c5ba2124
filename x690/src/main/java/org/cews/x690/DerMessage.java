package org.cews.x690;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * Every message of this module, each with its typed ID. Callers usually wrap a
 * {@link DerException} into their own typed message and keep this one as its detail.
 */
public enum DerMessage {
    X6900101("{0} length (expected: at most {1} octets, actual: {2})"),
    X6900102("{0} nesting (expected: at most {1} levels, actual: more)"),
    X6900103("{0} is not {1} at offset {2} (expected: {3}, actual: {4})"),
    X6900104("{0} (expected: {1}, actual: {2})");

    private final String pattern;

    DerMessage(String pattern) {
        this.pattern = pattern;
    }

    /** The message with its ID in front: {@code X6900102 request nesting (...)}. */
    public String format(Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? n.toString() : args[i]; // no digit grouping
        }
        return name() + " " + new MessageFormat(pattern, Locale.ROOT).format(plain);
    }
}
