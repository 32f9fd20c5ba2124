/**
 * NDR 2.0 marshalling (C706 chapter 14, the transfer syntax 8a885d04-1ceb-11c9-9fe8-08002b104860
 * v2.0 that [MS-RPCE] 2.2.4.12 names), in the data representation Windows sends: little-endian
 * integers, ASCII characters, IEEE floats; each primitive aligned to its size relative to the
 * start of the stub.
 *
 * <p>{@link org.cews.wcce.ndr.NdrWriter} is strict: it writes what MIDL writes. {@link
 * org.cews.wcce.ndr.NdrReader} bounds-checks every read and fails with a checked {@link
 * org.cews.wcce.ndr.NdrException} whose message is part of the test contract. Neither knows
 * about PDUs, sockets or any particular interface.
 */
package org.cews.wcce.ndr;
