package org.cews.bench;

import java.io.IOException;
import org.cews.wcce.api.CaException;
import org.cews.wcce.client.IcprSession;

/**
 * Where a client gets the session for one request, and gives it back: the only difference
 * between the two modes. The measured time of a request runs from {@link #acquire} to the end of
 * {@link #release}.
 */
sealed interface SessionSource extends AutoCloseable permits PooledSessions, UnpooledSessions {

    IcprSession acquire() throws CaException, InterruptedException;

    void release(IcprSession session);

    /** Closes every session still held. */
    @Override
    void close();

    static void closeQuietly(IcprSession session) {
        try {
            session.close();
        } catch (IOException e) {
            // the session is done with either way; a failed close does not change the result
        }
    }
}
