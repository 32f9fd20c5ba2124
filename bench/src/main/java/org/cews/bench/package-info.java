/**
 * Benchmarks, run on demand and reported as ratios against a baseline in the same run; never
 * part of {@code mvn verify}. Not written yet.
 */
package org.cews.bench;
