package org.cews.wcce.msnlmp;

/**
 * The AvId of an AV_PAIR ([MS-NLMP] 2.2.2.1). An open value: decoding an unknown id keeps it.
 */
public record AvId(int code) {

    public static final AvId EOL = new AvId(0x0000);
    public static final AvId NB_COMPUTER_NAME = new AvId(0x0001);
    public static final AvId NB_DOMAIN_NAME = new AvId(0x0002);
    public static final AvId DNS_COMPUTER_NAME = new AvId(0x0003);
    public static final AvId DNS_DOMAIN_NAME = new AvId(0x0004);
    public static final AvId DNS_TREE_NAME = new AvId(0x0005);
    /** MsvAvFlags: a u32; bit 0x2 says the AUTHENTICATE_MESSAGE carries a MIC. */
    public static final AvId FLAGS = new AvId(0x0006);
    /** MsvAvTimestamp: a FILETIME, the server's time. */
    public static final AvId TIMESTAMP = new AvId(0x0007);

    public static final AvId SINGLE_HOST = new AvId(0x0008);
    /** MsvAvTargetName: the SPN the client meant to reach. */
    public static final AvId TARGET_NAME = new AvId(0x0009);
    /** MsvAvChannelBindings: MD5 of the channel bindings, or 16 zero bytes for none. */
    public static final AvId CHANNEL_BINDINGS = new AvId(0x000A);

    public AvId {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("AvId is a u16 (actual: " + code + ")");
        }
    }
}
