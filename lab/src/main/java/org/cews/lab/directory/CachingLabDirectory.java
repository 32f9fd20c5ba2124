package org.cews.lab.directory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.cews.policy.acl.Sid;
import org.cews.policy.cache.PolicyCache;
import org.cews.policy.cache.PolicyUnavailableException;
import org.cews.policy.ldap.DirectoryException;
import org.cews.policy.ldap.PolicySnapshot;
import org.cews.wcce.server.msrpce.RpcPrincipal;

/**
 * The lab CA's view of its directory with what it read kept, as an AD CS enterprise CA keeps the
 * templates it loaded instead of reading AD for every request. The policy is held by ldap-policy's
 * {@link PolicyCache} (the last good policy served if a later read fails); accounts are held per
 * caller.
 *
 * <p>When the directory can say that it changed ({@link DirectoryChanges}: the lab's embedded
 * directory counts its writes), a request costs no LDAP operation until a write: the first call
 * after one reads the policy again and looks the caller up again, so whoever edits the directory
 * sees the effect on the next request. Without that signal (a directory the lab does not run),
 * the policy is read again every {@code interval} in the background, accounts are read for every
 * request, as before, and {@link #refresh()} rereads at once.
 */
public final class CachingLabDirectory implements LabDirectory, AutoCloseable {

    private record Account(long changes, Optional<LabAccount> account) {}

    private final LabDirectory directory;
    private final Optional<DirectoryChanges> changes;
    private final PolicyCache policies;
    private final ScheduledExecutorService scheduler;
    private final Map<RpcPrincipal, Account> accounts = new ConcurrentHashMap<>();
    private final Object refreshing = new Object();
    private volatile long policyChanges = -1;

    /**
     * Reads the policy once now; a failure here is kept and retried on the next {@link #policy()}.
     *
     * @param interval background rereads of the policy, when {@code changes} is empty
     */
    public CachingLabDirectory(
            LabDirectory directory, Optional<DirectoryChanges> changes, Duration interval, Clock clock) {
        this.directory = directory;
        this.changes = changes;
        this.scheduler = changes.isPresent()
                ? null
                : Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "lab-policy-refresh");
                    t.setDaemon(true);
                    return t;
                });
        this.policies = new PolicyCache(directory::policy, interval, scheduler, clock);
        refreshPolicy(changeCount());
        if (scheduler != null) {
            policies.start();
        }
    }

    @Override
    public PolicySnapshot policy() throws DirectoryException {
        long now = changeCount();
        if (now != policyChanges || policies.health().lastSuccess().isEmpty()) {
            refreshPolicy(now);
        }
        try {
            return policies.current().snapshot();
        } catch (PolicyUnavailableException e) {
            throw new DirectoryException(e.getMessage(), e);
        }
    }

    /** Rereads unless another thread did so for {@code seen} meanwhile; a failed read is retried next time. */
    private void refreshPolicy(long seen) {
        synchronized (refreshing) {
            if (seen == policyChanges && policies.health().lastSuccess().isPresent()) {
                return;
            }
            if (policies.refresh()) {
                policyChanges = seen; // a write during the read moved the count: the next call reads again
            }
        }
    }

    @Override
    public Optional<LabAccount> account(RpcPrincipal caller) throws DirectoryException {
        if (changes.isEmpty()) {
            return directory.account(caller);
        }
        long now = changeCount();
        Account kept = accounts.get(caller);
        if (kept != null && kept.changes() == now) {
            return kept.account();
        }
        Optional<LabAccount> account = directory.account(caller);
        accounts.put(caller, new Account(now, account));
        return account;
    }

    /** Not kept: a renewal on behalf of another subject is rare enough to read each time. */
    @Override
    public Optional<LabAccount> account(Sid sid) throws DirectoryException {
        return directory.account(sid);
    }

    /**
     * Forgets the accounts and reads the policy again now: what a test or an operator calls after
     * an edit the change count cannot see. Throws if the read fails (the last good policy is still
     * served, and the next {@link #policy()} tries again).
     */
    @Override
    public void refresh() throws DirectoryException {
        accounts.clear();
        synchronized (refreshing) {
            long now = changeCount();
            if (!policies.refresh()) {
                policyChanges = -1;
                throw new DirectoryException("rereading the enrollment policy failed: "
                        + policies.health().error().orElse("?"));
            }
            policyChanges = now;
        }
    }

    private long changeCount() {
        return changes.map(DirectoryChanges::count).orElse(0L);
    }

    @Override
    public void close() {
        policies.close();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
