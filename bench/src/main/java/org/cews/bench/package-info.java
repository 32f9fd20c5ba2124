/**
 * Benchmarks, run on demand and reported as ratios against a baseline in the same run; never
 * part of {@code mvn verify} (it compiles this module, and runs nothing of it).
 *
 * <p>{@link org.cews.bench.ConnectorBenchmark}: issuance round trips through the CA connector
 * against the in-process lab CA, pooled against unpooled, at one client and at many (issue 5).
 *
 * <p>{@link org.cews.bench.CesBenchmark}: issuance through the deployed CES (UsernameToken and
 * client certificate) beside the connector's client code calling the same lab CA directly, and
 * WildFly's heap after full collections over a long run (issue 9).
 */
package org.cews.bench;
