/**
 * Benchmarks, run on demand and reported as ratios against a baseline in the same run; never
 * part of {@code mvn verify} (it compiles this module, and runs nothing of it).
 *
 * <p>{@link org.cews.bench.ConnectorBenchmark}: issuance round trips through the CA connector
 * against the in-process lab CA, pooled against unpooled, at one client and at many (issue 5).
 */
package org.cews.bench;
