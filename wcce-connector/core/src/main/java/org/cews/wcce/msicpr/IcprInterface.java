package org.cews.wcce.msicpr;

import java.util.UUID;
import org.cews.wcce.msrpce.SyntaxId;

/**
 * [MS-ICPR] 3.2.4.1 ICertPassage Interface: its abstract syntax and its one opnum.
 *
 * <pre>
 * [ uuid(91ae6020-9e3c-11cf-8d7c-00aa00c091be), pointer_default(unique) ]
 * interface ICertPassage { DWORD CertServerRequest(...); }   // opnum 0
 * </pre>
 */
public final class IcprInterface {

    /** 91ae6020-9e3c-11cf-8d7c-00aa00c091be v0.0. */
    public static final SyntaxId SYNTAX = new SyntaxId(UUID.fromString("91ae6020-9e3c-11cf-8d7c-00aa00c091be"), 0, 0);

    /** [MS-ICPR] 3.2.4.1.1 CertServerRequest. */
    public static final int OPNUM_CERT_SERVER_REQUEST = 0;

    private IcprInterface() {}
}
