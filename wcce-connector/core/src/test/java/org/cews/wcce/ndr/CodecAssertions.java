package org.cews.wcce.ndr;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

/** Test support shared by the codec tests of ndr, msicpr and epm. */
public final class CodecAssertions {

    /** A decoder under test. */
    @FunctionalInterface
    public interface Decoder {
        Object decode(byte[] stub) throws NdrException;
    }

    private CodecAssertions() {}

    /** Every proper prefix of {@code golden}, the empty one included, fails with NdrException. */
    public static void everyTruncationFails(byte[] golden, Decoder decoder) {
        for (int length = 0; length < golden.length; length++) {
            byte[] prefix = Arrays.copyOf(golden, length);
            assertThrows(NdrException.class, () -> decoder.decode(prefix), "prefix of " + length + " bytes");
        }
    }

    /** Decoding fails with NdrException, whose message is returned for the caller to assert. */
    public static String decodeFails(byte[] stub, Decoder decoder) {
        return assertThrows(NdrException.class, () -> decoder.decode(stub)).getMessage();
    }
}
