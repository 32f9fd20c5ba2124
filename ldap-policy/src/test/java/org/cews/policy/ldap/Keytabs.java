package org.cews.policy.ldap;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** MIT keytab files (format 0x0502, big-endian) for tests; the keys are zeros. */
final class Keytabs {

    private static final int AES256_CTS_HMAC_SHA1_96 = 18;
    private static final int KRB5_NT_PRINCIPAL = 1;

    private Keytabs() {}

    /** One entry for {@code name@REALM} (single component) with a zero aes256 key. */
    static byte[] aes256(String principal, int kvno) throws IOException {
        String[] nameAndRealm = principal.split("@", 2);
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        DataOutputStream e = new DataOutputStream(entry);
        e.writeShort(1); // components
        counted(e, nameAndRealm[1]);
        counted(e, nameAndRealm[0]);
        e.writeInt(KRB5_NT_PRINCIPAL);
        e.writeInt(0); // timestamp
        e.writeByte(kvno);
        e.writeShort(AES256_CTS_HMAC_SHA1_96);
        e.writeShort(32);
        e.write(new byte[32]);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.writeShort(0x0502);
        f.writeInt(entry.size());
        f.write(entry.toByteArray());
        return file.toByteArray();
    }

    private static void counted(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }
}
