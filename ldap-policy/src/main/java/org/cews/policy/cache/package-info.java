/**
 * The last good enrollment policy, refreshed in the background from the directory, with the time
 * its content last changed ([MS-XCEP] 3.1.1 LastUpdateTime).
 */
package org.cews.policy.cache;
