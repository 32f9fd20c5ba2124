package org.cews.epa.gssapi;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;

/**
 * The test's own reading of the channel-bindings checksum, written from the RFCs and not from the
 * JDK: RFC 2744 §3.11 {@code gss_channel_bindings_struct} (initiator_addrtype, initiator_address,
 * acceptor_addrtype, acceptor_address, application_data; GSS_C_AF_UNSPEC 0, GSS_C_AF_NULLADDR 255),
 * hashed by RFC 4121 §4.1.1.2: MD5 over the components in order of declaration, integers as
 * 4-byte little-endian, each buffer as its length then its bytes.
 */
final class Rfc2744Bindings {

    static final int GSS_C_AF_UNSPEC = 0;
    static final int GSS_C_AF_NULLADDR = 255;

    private Rfc2744Bindings() {}

    /** The bytes MD5 is taken over, addresses empty. */
    static byte[] encoding(int addressType, byte[] applicationData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        le32(out, addressType); // initiator_addrtype
        le32(out, 0); // initiator_address.length, no value
        le32(out, addressType); // acceptor_addrtype
        le32(out, 0); // acceptor_address.length, no value
        le32(out, applicationData.length); // application_data.length
        out.writeBytes(applicationData);
        return out.toByteArray();
    }

    /** The Bnd field of the checksum. */
    static byte[] bnd(int addressType, byte[] applicationData) throws Exception {
        return MessageDigest.getInstance("MD5").digest(encoding(addressType, applicationData));
    }

    private static void le32(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
