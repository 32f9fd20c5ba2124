/**
 * Following the enrollment policy as Windows does: the policy (cached for nextUpdateHours), the
 * CES URIs for a template in priority order, failover to the next URI, collection of pending
 * requests.
 */
package org.cews.client.policy;
