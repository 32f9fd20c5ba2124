package org.cews.bench;

import java.util.Locale;

/**
 * One measured configuration: how sessions are had, how many clients submit at once, and (pooled)
 * how many sessions they share.
 */
record Scenario(Mode mode, int clients, int sessions) {

    enum Mode {
        /** A new session per request: endpoint-mapper lookup, connect, NTLM bind, submit, close. */
        UNPOOLED,
        /** Bound sessions opened before the measurement and reused: submit only. */
        POOLED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Scenario unpooled(int clients) {
        return new Scenario(Mode.UNPOOLED, clients, 0);
    }

    static Scenario pooled(int clients, int sessions) {
        return new Scenario(Mode.POOLED, clients, sessions);
    }

    /** {@code pooled, 32 clients, 32 sessions}. */
    String label() {
        return mode.label() + ", " + clients + (clients == 1 ? " client" : " clients")
                + (mode == Mode.POOLED ? ", " + sessions + (sessions == 1 ? " session" : " sessions") : "");
    }
}
