package org.cews.soap.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordCacheTest {

    static final String ALICE = "CN=Alice Archer,CN=Users,DC=lab,DC=example";
    static final String BOB = "CN=Bob Baker,CN=Users,DC=lab,DC=example";

    private final CallerResolverTest.MutableClock clock = new CallerResolverTest.MutableClock();
    private final PasswordCache cache = new PasswordCache(Duration.ofSeconds(60), clock, new SecureRandom());

    @Test
    void onlyTheAcceptedPasswordOfTheSameAccountIsVerified() {
        assertFalse(cache.verified(ALICE, "Alice-Lab-Pw-1".toCharArray()), "nothing remembered yet");
        cache.accepted(ALICE, "Alice-Lab-Pw-1".toCharArray());
        assertTrue(cache.verified(ALICE, "Alice-Lab-Pw-1".toCharArray()));
        assertFalse(cache.verified(ALICE, "Alice-Lab-Pw-2".toCharArray()));
        assertFalse(cache.verified(ALICE, "alice-lab-pw-1".toCharArray()));
        assertFalse(cache.verified(ALICE, new char[0]));
        assertFalse(cache.verified(BOB, "Alice-Lab-Pw-1".toCharArray()), "another account");
        assertTrue(cache.verified(ALICE, "Alice-Lab-Pw-1".toCharArray()), "a wrong guess does not forget by itself");
    }

    @Test
    void rememberedForTheLifetimeOnly() {
        cache.accepted(ALICE, "pw".toCharArray());
        clock.now = clock.now.plusSeconds(59);
        assertTrue(cache.verified(ALICE, "pw".toCharArray()));
        clock.now = clock.now.plusSeconds(1);
        assertFalse(cache.verified(ALICE, "pw".toCharArray()));
        assertFalse(cache.verified(ALICE, "pw".toCharArray()), "gone, not only expired");
    }

    @Test
    void forgetRemovesTheAccountOnly() {
        cache.accepted(ALICE, "pw".toCharArray());
        cache.accepted(BOB, "pw".toCharArray());
        cache.forget(ALICE);
        assertFalse(cache.verified(ALICE, "pw".toCharArray()));
        assertTrue(cache.verified(BOB, "pw".toCharArray()));
    }

    @Test
    void zeroLifetimeRemembersNothing() {
        PasswordCache off = new PasswordCache(Duration.ZERO, clock, new SecureRandom());
        off.accepted(ALICE, "pw".toCharArray());
        assertFalse(off.verified(ALICE, "pw".toCharArray()));
    }

    @Test
    void twoCachesShareNoKey() {
        PasswordCache other = new PasswordCache(Duration.ofSeconds(60), clock, new SecureRandom());
        cache.accepted(ALICE, "pw".toCharArray());
        assertFalse(other.verified(ALICE, "pw".toCharArray()));
    }
}
