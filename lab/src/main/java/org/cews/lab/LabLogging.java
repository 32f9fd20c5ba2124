package org.cews.lab;

import java.util.logging.LogManager;

/**
 * The lab's log format when it runs as a program: one line per record (time, level, message), on
 * java.util.logging's console handler, which the JDK's System.Logger uses when nothing else is
 * configured. Every message starts with its id, {@code LABnnnn}, so a line can be searched for.
 */
final class LabLogging {

    static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";
    static final String MANAGER_PROPERTY = "java.util.logging.manager";

    private LabLogging() {}

    /** Applies the format and {@link ShutdownSafeLogManager} unless the user chose otherwise; call first thing in main. */
    static void oneLinePerRecord() {
        if (System.getProperty(FORMAT_PROPERTY) == null) {
            System.setProperty(FORMAT_PROPERTY, "%1$tF %1$tT.%1$tL %4$s %5$s%6$s%n");
        }
        if (System.getProperty(MANAGER_PROPERTY) == null) {
            System.setProperty(MANAGER_PROPERTY, ShutdownSafeLogManager.class.getName());
        }
    }

    /**
     * A LogManager that ignores the reset its own shutdown hook makes. The JDK's hook would
     * otherwise remove the console handler while the lab's hook is still stopping, and the stop
     * lines would be lost; the handler flushes every record, so nothing waits for a final reset.
     */
    public static final class ShutdownSafeLogManager extends LogManager {

        @Override
        public void reset() {
            if (!Thread.currentThread().getClass().getName().startsWith(LogManager.class.getName() + "$")) {
                super.reset();
            }
        }
    }
}
