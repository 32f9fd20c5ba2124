/**
 * SOAP 1.2 envelopes with WS-Addressing for CEP and CES: one writer, one reader (namespace-aware,
 * DTDs refused), faults as {@link org.cews.client.soap.SoapFault}.
 */
package org.cews.client.soap;
