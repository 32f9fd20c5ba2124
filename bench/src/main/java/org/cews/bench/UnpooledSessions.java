package org.cews.bench;

import org.cews.wcce.api.CaException;
import org.cews.wcce.client.IcprSession;

/**
 * No pool: every request looks up the ICPR port, connects, binds with NTLM, submits and closes,
 * and all of it is in the request's measured time.
 */
final class UnpooledSessions implements SessionSource {

    private final SessionFactory factory;

    UnpooledSessions(SessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public IcprSession acquire() throws CaException {
        return factory.open();
    }

    @Override
    public void release(IcprSession session) {
        SessionSource.closeQuietly(session);
    }

    @Override
    public void close() {}
}
