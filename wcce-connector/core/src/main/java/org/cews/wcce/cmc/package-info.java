/**
 * Enroll-on-behalf-of requests ([MS-WCCE] 3.1.1.4.3.3.3): the CMC (RFC 5272, which obsoletes the
 * RFC 2797 the spec cites) that an enrollment agent signs around another account's PKCS#10, with
 * the {@code requestername} the CA builds the subject from. Bouncy Castle's ASN.1 types and CMS
 * generator; signatures by the JDK's providers. No {@code jakarta.*}, no {@code java.net}.
 */
package org.cews.wcce.cmc;
