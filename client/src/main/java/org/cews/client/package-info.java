/**
 * A CEP/CES client library and the {@code enroll} command. Not written yet.
 */
package org.cews.client;
