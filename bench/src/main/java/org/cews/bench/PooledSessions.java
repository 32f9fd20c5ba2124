package org.cews.bench;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.cews.wcce.api.CaException;
import org.cews.wcce.client.IcprSession;

/**
 * The connector's pooling model without the container: at most {@code size} bound sessions,
 * opened before the measurement and reused request after request. A client waits for a free
 * session as it would for WildFly's pool (blocking-timeout-wait-millis); a session that broke
 * ({@link IcprSession#isUsable()} false, as the connector's validate-on-match checks) is closed and
 * replaced by a new bind, whose time then counts in that request.
 */
final class PooledSessions implements SessionSource {

    private final SessionFactory factory;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<IcprSession> idle = new ConcurrentLinkedQueue<>();
    private final int size;

    private PooledSessions(SessionFactory factory, int size) {
        this.factory = factory;
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /** Opens {@code size} sessions, one after the other, before anything is measured. */
    static PooledSessions fill(SessionFactory factory, int size) throws CaException {
        PooledSessions pool = new PooledSessions(factory, size);
        try {
            for (int i = 0; i < size; i++) {
                pool.idle.add(factory.open());
            }
        } catch (CaException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    int size() {
        return size;
    }

    @Override
    public IcprSession acquire() throws CaException, InterruptedException {
        if (!permits.tryAcquire(SessionFactory.READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new CaException("no pooled session free within " + SessionFactory.READ_TIMEOUT.toSeconds() + " s");
        }
        IcprSession session = idle.poll();
        if (session != null && session.isUsable()) {
            return session;
        }
        if (session != null) {
            SessionSource.closeQuietly(session);
        }
        try {
            return factory.open();
        } catch (CaException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public void release(IcprSession session) {
        if (session.isUsable()) {
            idle.add(session);
        } else {
            SessionSource.closeQuietly(session);
        }
        permits.release();
    }

    @Override
    public void close() {
        IcprSession session;
        while ((session = idle.poll()) != null) {
            SessionSource.closeQuietly(session);
        }
    }
}
