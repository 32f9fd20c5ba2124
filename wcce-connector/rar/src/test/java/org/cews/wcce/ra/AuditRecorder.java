package org.cews.wcce.ra;

import java.lang.System.Logger;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the audit lines the adapter writes, formatted, so tests can count them by message id. */
final class AuditRecorder implements Logger {

    final List<String> lines = new CopyOnWriteArrayList<>();

    long count(String id) {
        return lines.stream().filter(line -> line.startsWith(id + " ")).count();
    }

    @Override
    public String getName() {
        return CaAvailability.AUDIT_LOGGER;
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        lines.add(msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        lines.add(MessageFormat.format(format, params));
    }
}
