package org.cews.policy.cache;

import java.lang.System.Logger;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A System.Logger that keeps what it is given, formatted, for assertions. */
final class CapturingLogger implements Logger {

    record Entry(Level level, String message) {
        String id() {
            return message.substring(0, message.indexOf(' '));
        }
    }

    final List<Entry> entries = new CopyOnWriteArrayList<>();

    List<String> ids() {
        return entries.stream().map(Entry::id).toList();
    }

    @Override
    public String getName() {
        return "capture";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        entries.add(new Entry(level, msg));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        entries.add(
                new Entry(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
    }
}
