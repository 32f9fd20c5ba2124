package org.cews.client.xcep;

import java.net.URI;
import java.util.OptionalInt;

/**
 * One CES endpoint of a CA ([MS-XCEP] 3.1.4.1.3.5 CAURI): its authentication, its URI, its
 * priority (lower is preferred; nil when absent) and whether it serves renewals only (nil reads as
 * false).
 */
public record CaUri(int clientAuthentication, URI uri, OptionalInt priority, boolean renewalOnly) {

    /** The priority for sorting: a nil priority sorts after every number. */
    public long sortKey() {
        return priority.isPresent() ? Integer.toUnsignedLong(priority.getAsInt()) : Long.MAX_VALUE;
    }
}
