package org.cews.policy.cache;

import java.time.Instant;
import org.cews.policy.ldap.PolicySnapshot;

/**
 * The snapshot the cache serves, with the time its content last changed: the server's
 * LastUpdateTime of [MS-XCEP] 3.1.1, which decides policiesNotChanged (3.1.4.1.3.9). A refresh
 * that reads the same content again keeps the earlier time, so clients are not sent the whole
 * policy after every background read. Not the objects' whenChanged: that attribute is not
 * replicated ([MS-ADA3] whenChanged: each DC keeps its own), so it would move when the reader fails
 * over to another DC, and no surviving object's whenChanged shows a deleted template.
 *
 * @param lastChanged the readAt of the first snapshot with this content
 * @param fingerprint {@link SnapshotFingerprint} of the content
 */
public record CachedPolicy(PolicySnapshot snapshot, Instant lastChanged, String fingerprint) {}
