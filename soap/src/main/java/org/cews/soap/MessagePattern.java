package org.cews.soap;

import java.text.DateFormat;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * A message pattern of the message registries ({@link SoapMessages} and the web applications'),
 * parsed once: literal text and {@code {n}} placeholders, formatted as {@link MessageFormat} does
 * in {@link Locale#ROOT} (numbers grouped, dates short, {@code null} as "null", a placeholder
 * without its argument left as it stands). A new {@code MessageFormat} per message parses its
 * pattern and makes a number format for each numeric argument every time; on an audit line written
 * for every answered request that was a measurable part of the request's cost (docs/adr/0003).
 * Patterns with quotes or format types ({@code {0,number}}) are refused: the registries use none.
 */
public final class MessagePattern {

    private static final ThreadLocal<NumberFormat> NUMBERS =
            ThreadLocal.withInitial(() -> NumberFormat.getInstance(Locale.ROOT));

    /** Literal text at even positions, argument indexes (as Integer) at odd ones. */
    private final Object[] parts;

    private final String source;

    public MessagePattern(String pattern) {
        List<Object> found = new ArrayList<>();
        int at = 0;
        int literal = 0;
        while (at < pattern.length()) {
            char c = pattern.charAt(at);
            if (c == '\'' || c == '}') {
                throw new IllegalArgumentException("unsupported character " + c + " in message pattern: " + pattern);
            }
            if (c != '{') {
                at++;
                continue;
            }
            int close = pattern.indexOf('}', at);
            String index = close < 0 ? "" : pattern.substring(at + 1, close);
            if (index.isEmpty() || index.length() > 2 || !index.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("only {n} placeholders are supported: " + pattern);
            }
            found.add(pattern.substring(literal, at));
            found.add(Integer.valueOf(index));
            at = close + 1;
            literal = at;
        }
        found.add(pattern.substring(literal));
        this.parts = found.toArray();
        this.source = pattern;
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return source;
    }

    public String format(Object... args) {
        StringBuilder out = new StringBuilder(source.length() + 16 * parts.length);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                out.append((String) parts[i]);
                continue;
            }
            int index = (Integer) parts[i];
            if (args == null || index >= args.length) {
                out.append('{').append(index).append('}');
                continue;
            }
            Object arg = args[index];
            if ((arg instanceof Integer || arg instanceof Long) && Math.abs(((Number) arg).longValue()) < 1000) {
                // What the number format writes for these, without it: no grouping below 1000.
                out.append(((Number) arg).longValue());
            } else if (arg instanceof Number number) {
                out.append(NUMBERS.get().format(number));
            } else if (arg instanceof Date date) {
                out.append(DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT, Locale.ROOT)
                        .format(date));
            } else {
                out.append(arg);
            }
        }
        return out.toString();
    }
}
