package org.cews.lab;

/**
 * The lab's log format when it runs as a program: one line per record (time, level, message), on
 * java.util.logging's console handler, which the JDK's System.Logger uses when nothing else is
 * configured. Every message starts with its id, {@code LABnnnn}, so a line can be searched for.
 */
final class LabLogging {

    static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    private LabLogging() {}

    /** Applies the one-line format unless the user chose one; call before the first log record. */
    static void oneLinePerRecord() {
        if (System.getProperty(FORMAT_PROPERTY) == null) {
            System.setProperty(FORMAT_PROPERTY, "%1$tF %1$tT.%1$tL %4$s %5$s%6$s%n");
        }
    }
}
