package org.cews.wcce.epm;

import java.util.UUID;
import org.cews.wcce.msrpce.SyntaxId;

/**
 * The endpoint mapper interface (C706 appendix O; [MS-RPCE] 2.2.1.2): its abstract syntax, the
 * opnum of {@code ept_map}, its limits and status codes.
 */
public final class EpmInterface {

    /** e1af8308-5d1f-11c9-91a4-08002b14a0fa v3.0. */
    public static final SyntaxId SYNTAX = new SyntaxId(UUID.fromString("e1af8308-5d1f-11c9-91a4-08002b14a0fa"), 3, 0);

    public static final int OPNUM_EPT_MAP = 3;

    /** The well-known ncacn_ip_tcp endpoint of the endpoint mapper. */
    public static final int TCP_PORT = 135;

    /** [MS-RPCE] 2.2.1.2.5: {@code [range(0,500)] max_towers}. */
    public static final int MAX_TOWERS = 500;

    /** [MS-RPCE] 2.2.1.2.2: {@code [range(0,2000)] tower_length}. */
    public static final int MAX_TOWER_LENGTH = 2000;

    /** [MS-RPCE] 2.2.1.2.5 status: the interface is not registered (ept_s_not_registered). */
    public static final int EPT_S_NOT_REGISTERED = 0x16C9A0D6;

    /** [MS-RPCE] 2.2.1.2.1: the endpoint mapper could not perform the operation. */
    public static final int EPT_S_CANT_PERFORM_OP = 0x6D8;

    private EpmInterface() {}
}
