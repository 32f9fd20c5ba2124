package org.cews.policy.model;

/** pKIDefaultKeySpec ([MS-CRTD] 2.9). An open value: other codes are kept as read. */
public record KeySpec(int code) {

    /** Keys used to encrypt/decrypt session keys. */
    public static final KeySpec AT_KEYEXCHANGE = new KeySpec(1);
    /** Keys used to create and verify signatures. */
    public static final KeySpec AT_SIGNATURE = new KeySpec(2);

    @Override
    public String toString() {
        return switch (code) {
            case 1 -> "AT_KEYEXCHANGE";
            case 2 -> "AT_SIGNATURE";
            default -> "KeySpec(" + code + ")";
        };
    }
}
