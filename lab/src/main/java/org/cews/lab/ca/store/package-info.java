/**
 * The state directory: the CA key store and the request table, written atomically ([MS-WCCE]
 * 3.2.1.1.1).
 */
package org.cews.lab.ca.store;
