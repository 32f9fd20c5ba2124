/**
 * The JCA outbound resource adapter (Jakarta Connectors 2.1) that pools connections to the CA.
 * The only package of the connector that imports {@code jakarta.resource}.
 */
package org.cews.wcce.ra;
