package org.cews.policy.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that runs nothing by itself: {@link #advance} moves the clock from task to task and
 * runs each when it is due, on the calling thread. Fixed delay and fixed rate are both kept.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final MutableClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private boolean shutdown;

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** Runs every task due up to now + {@code d}, in due order, moving the clock to each. */
    void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (true) {
            Task next = tasks.stream()
                    .filter(t -> !t.cancelled && !t.due.isAfter(end))
                    .min(Comparator.comparing(t -> t.due))
                    .orElse(null);
            if (next == null) {
                break;
            }
            clock.set(next.due);
            next.run();
        }
        clock.set(end);
    }

    /** Tasks that will still run. */
    long pending() {
        return tasks.stream().filter(t -> !t.cancelled && !t.done).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(command, delay, unit, 0, false);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not needed by the cache");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(command, initialDelay, unit, period, true);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(command, initialDelay, unit, delay, false);
    }

    private Task add(Runnable command, long delay, TimeUnit unit, long period, boolean fixedRate) {
        Task t = new Task(command, clock.instant().plusNanos(unit.toNanos(delay)), unit.toNanos(period), fixedRate);
        tasks.add(t);
        return t;
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        tasks.forEach(t -> t.cancel(false));
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }

    private final class Task implements ScheduledFuture<Object> {
        final Runnable command;
        final long periodNanos;
        final boolean fixedRate;
        Instant due;
        boolean cancelled;
        boolean done;

        Task(Runnable command, Instant due, long periodNanos, boolean fixedRate) {
            this.command = command;
            this.due = due;
            this.periodNanos = periodNanos;
            this.fixedRate = fixedRate;
        }

        void run() {
            command.run();
            if (periodNanos == 0) {
                done = true;
            } else {
                due = (fixedRate ? due : clock.instant()).plusNanos(periodNanos);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean was = !cancelled && !done;
            cancelled = true;
            return was;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
