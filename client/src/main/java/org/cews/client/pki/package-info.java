/**
 * Keys, PKCS#10 requests with the template extension, CMS renewal requests, the chain of an issued
 * certificate, PEM and PKCS#12 files. Bouncy Castle encodes; the JDK's providers sign.
 */
package org.cews.client.pki;
