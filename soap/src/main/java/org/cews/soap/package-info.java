/**
 * The SOAP layer the CEP and CES web applications share (docs/adr/0002):
 * SOAP 1.2 envelopes read with StAX from the request bytes, dispatch on
 * wsa:Action, WS-Addressing reply headers, faults (HTTP 500) and transient failures (HTTP 503), and
 * the authentication of the caller ({@link org.cews.soap.auth}). It holds no XCEP or WSTEP mapping:
 * those live in the WARs' spec-named packages.
 */
package org.cews.soap;
