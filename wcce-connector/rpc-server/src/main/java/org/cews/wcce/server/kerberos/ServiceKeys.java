package org.cews.wcce.server.kerberos;

import java.util.ArrayList;
import java.util.List;
import javax.security.auth.kerberos.KerberosKey;
import org.cews.wcce.kerberos.crypto.EncryptionKey;
import org.cews.wcce.kerberos.crypto.EncryptionType;
import org.cews.wcce.kerberos.crypto.KerberosCryptoException;

/**
 * The long-term keys of a service principal by encryption type and key version, the acceptor's
 * side of RFC 4120 §3.2.3. A ticket is tried with the key of its kvno first and then with the other
 * keys of its etype, as [MS-KILE] 3.4.5 retries older keys.
 */
public record ServiceKeys(List<Entry> entries) {

    /** One key with its version number. */
    public record Entry(long kvno, EncryptionKey key) {}

    public ServiceKeys {
        entries = List.copyOf(entries);
    }

    public static ServiceKeys of(long kvno, EncryptionKey... keys) {
        List<Entry> entries = new ArrayList<>();
        for (EncryptionKey key : keys) {
            entries.add(new Entry(kvno, key));
        }
        return new ServiceKeys(entries);
    }

    /** From a keytab: {@code KeyTab.getInstance(file).getKeys(principal)}. */
    public static ServiceKeys from(KerberosKey... keys) {
        List<Entry> entries = new ArrayList<>();
        for (KerberosKey key : keys) {
            entries.add(new Entry(
                    key.getVersionNumber(), new EncryptionKey(new EncryptionType(key.getKeyType()), key.getEncoded())));
        }
        return new ServiceKeys(entries);
    }

    /**
     * From a password, for the lab: string-to-key with the default iteration count. The salt of an
     * AD account is the realm followed by the account name ({@code LAB.TESTcasvc}; for a computer
     * account, {@code LAB.TESThostca.lab.test}).
     */
    public static ServiceKeys fromPassword(String password, String salt, long kvno, EncryptionType... types)
            throws KerberosCryptoException {
        List<Entry> entries = new ArrayList<>();
        for (EncryptionType type : types) {
            entries.add(
                    new Entry(kvno, new EncryptionKey(type, type.requireCipher().stringToKey(password, salt))));
        }
        return new ServiceKeys(entries);
    }

    /** The keys to try for a ticket: matching kvno first, then the rest of the same etype. */
    public List<EncryptionKey> candidates(EncryptionType etype, Long kvno) {
        List<EncryptionKey> exact = new ArrayList<>();
        List<EncryptionKey> others = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.key().type().equals(etype)) {
                (kvno != null && entry.kvno() == kvno ? exact : others).add(entry.key());
            }
        }
        exact.addAll(others);
        return exact;
    }
}
