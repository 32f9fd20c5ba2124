/**
 * The endpoint mapper (C706 appendix O, [MS-RPCE] 2.2.1.2): {@code ept_map} (opnum 3) requests
 * and responses as NDR 2.0 stubs, and the protocol towers (C706 appendix L) they carry. A client
 * asks which TCP port an interface listens on; the lab answers the same question.
 */
package org.cews.wcce.epm;
