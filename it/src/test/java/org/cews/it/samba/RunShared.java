package org.cews.it.samba;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server the whole test run shares, kept in JUnit's root store under a key: started at the first
 * request, its start attempted once (a failed start is remembered and rethrown, not retried by
 * every class), stopped when the run ends or when another server needs its ports ({@link #stop}).
 */
record RunShared<T>(T running, RuntimeException failure, Consumer<T> stopper)
        implements ExtensionContext.Store.CloseableResource {

    /** The run's server under {@code key}, started now by {@code start} if it is not yet. */
    @SuppressWarnings("unchecked")
    static <T> T get(ExtensionContext context, Class<T> key, Supplier<T> start, Consumer<T> stopper) {
        RunShared<T> shared = context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(key, k -> attempt(start, stopper), RunShared.class);
        if (shared.failure() != null) {
            throw shared.failure();
        }
        return shared.running();
    }

    /** Stops the run's server under {@code key} if it runs; the next {@link #get} starts it again. */
    static void stop(ExtensionContext context, Class<?> key) {
        RunShared<?> shared =
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).remove(key, RunShared.class);
        if (shared != null) {
            shared.close();
        }
    }

    private static <T> RunShared<T> attempt(Supplier<T> start, Consumer<T> stopper) {
        try {
            return new RunShared<>(start.get(), null, stopper);
        } catch (RuntimeException e) {
            return new RunShared<>(null, e, stopper);
        }
    }

    @Override
    public void close() {
        if (running != null) {
            stopper.accept(running);
        }
    }
}
