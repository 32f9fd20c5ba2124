package org.cews.ces.wstep;

/**
 * The request's wsse:BinarySecurityToken ([MS-WSTEP] 3.1.4.1.3.3), decoded. {@code valueType} is
 * kept for the log only: clients label the same PKCS#10 as PKCS7 (Windows) or PKCS10 (cepces), so
 * the format is sniffed from the DER, never taken from here (docs/WSTEP.md §2).
 *
 * @param valueType as sent, or empty
 * @param value the DER bytes; empty for the token cepces sends with QueryTokenStatus
 */
public record BinarySecurityToken(String valueType, byte[] value) {

    public BinarySecurityToken {
        valueType = valueType == null ? "" : valueType;
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public boolean isEmpty() {
        return value.length == 0;
    }
}
