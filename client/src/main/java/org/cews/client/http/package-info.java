/** The HTTPS transport of SOAP requests, the Negotiate round trip, and the trace. */
package org.cews.client.http;
