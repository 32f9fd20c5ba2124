package org.cews.wcce.msrpce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyntaxIdTest {

    @Test
    void ndrTransferSyntaxInGuidByteOrder() {
        // 8a885d04-1ceb-11c9-9fe8-08002b104860 as every bind carries it (C706 appendix I):
        //   04 5d 88 8a  data1 little-endian
        //   eb 1c        data2 little-endian
        //   c9 11        data3 little-endian
        //   9f e8 08 00 2b 10 48 60  data4 as is
        assertEquals(
                "045d888aeb1cc9119fe808002b104860",
                HexFormat.of().formatHex(SyntaxId.guidBytes(SyntaxId.NDR20.uuid())));
    }

    @Test
    void guidBytesRoundTrip() {
        UUID icpr = UUID.fromString("91ae6020-9e3c-11cf-8d7c-00aa00c091be");
        assertEquals(icpr, SyntaxId.fromGuidBytes(SyntaxId.guidBytes(icpr), 0));
    }
}
