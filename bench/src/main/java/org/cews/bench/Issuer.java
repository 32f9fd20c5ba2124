package org.cews.bench;

import java.util.Optional;

/**
 * One way of getting a certificate issued for a request of the {@link RequestSet}: the connector
 * calling the CA, or a client of the CES. {@link #send} is timed; {@link #check} comes after and
 * is not, so that both sides pay for their own checks outside their latency.
 *
 * @param <A> what came back
 */
interface Issuer<A> {

    A send(RequestSet.Entry entry) throws Exception;

    /** Empty if {@code answer} is the issued certificate {@code entry} asked for; otherwise what went wrong. */
    Optional<String> check(A answer, RequestSet.Entry entry);
}
