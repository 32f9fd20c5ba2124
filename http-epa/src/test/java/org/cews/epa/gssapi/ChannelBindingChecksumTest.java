package org.cews.epa.gssapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.security.auth.Subject;
import org.cews.epa.TestKdc;
import org.ietf.jgss.ChannelBinding;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum's Bnd field (RFC 4121 §4.1.1.2 over RFC 2744 §3.11) as Windows and MIT compute it,
 * and the JDK acceptor behind {@link BindingGssManager} checking it, against a real KDC.
 */
class ChannelBindingChecksumTest {

    /** RFC 5929 application data of some certificate; which one does not matter here. */
    private static final byte[] AD = ("tls-server-end-point:" + "x".repeat(32)).getBytes(StandardCharsets.US_ASCII);

    private static final byte[] OTHER_AD =
            ("tls-server-end-point:" + "y".repeat(32)).getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static java.nio.file.Path dir;

    static TestKdc kdc;
    static GSSCredential acceptor;

    @BeforeAll
    static void start() throws Exception {
        kdc = TestKdc.start(dir);
        acceptor = kdc.acceptorCredential();
    }

    @AfterAll
    static void stop() throws Exception {
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    void theBindingsAreHashedFieldByFieldLittleEndian() throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        // Hand-computed: type 0, length 0 | type 0, length 0 | length 3, "abc".
        assertEquals(
                "00000000" + "00000000" + "00000000" + "00000000" + "03000000" + "616263",
                HexFormat.of().formatHex(Rfc2744Bindings.encoding(Rfc2744Bindings.GSS_C_AF_UNSPEC, abc)));
        assertEquals(
                "420b92da63953711d03790fc6a20013d",
                HexFormat.of().formatHex(Rfc2744Bindings.bnd(Rfc2744Bindings.GSS_C_AF_UNSPEC, abc)));
        // The same with type 255 (GSS_C_AF_NULLADDR), as the JDK's public ChannelBinding hashes it.
        assertEquals(
                "ff000000" + "00000000" + "ff000000" + "00000000" + "03000000" + "616263",
                HexFormat.of().formatHex(Rfc2744Bindings.encoding(Rfc2744Bindings.GSS_C_AF_NULLADDR, abc)));
        assertEquals(
                "4a7aa33869b5fdb00b76cd438644d0e5",
                HexFormat.of().formatHex(Rfc2744Bindings.bnd(Rfc2744Bindings.GSS_C_AF_NULLADDR, abc)));
    }

    @Test
    void theModulesBindingPutsTheWindowsAndMitBndIntoTheToken() throws Exception {
        byte[] token = kdc.token(TestKdc.KRB5, Optional.of(TlsChannelBindings.of(AD)));

        assertArrayEquals(Rfc2744Bindings.bnd(Rfc2744Bindings.GSS_C_AF_UNSPEC, AD), kdc.bindings(token));
    }

    @Test
    void thePublicApiPutsType255AndNoBindingPutsZeros() throws Exception {
        byte[] publicApi = kdc.token(TestKdc.KRB5, Optional.of(new ChannelBinding(AD)));
        byte[] none = kdc.token(TestKdc.KRB5, Optional.empty());

        assertArrayEquals(Rfc2744Bindings.bnd(Rfc2744Bindings.GSS_C_AF_NULLADDR, AD), kdc.bindings(publicApi));
        assertArrayEquals(new byte[16], kdc.bindings(none));
    }

    @Test
    void anAcceptorWithTheBindingTakesOnlyTheMatchingTokenAndReportsTheRest() throws Exception {
        List<String> refusals = new ArrayList<>();
        for (Oid mechanism : new Oid[] {TestKdc.KRB5, TestKdc.SPNEGO}) {
            assertNotNull(accept(mechanism, Optional.of(TlsChannelBindings.of(AD)), refusals));

            GSSException none = assertThrows(GSSException.class, () -> accept(mechanism, Optional.empty(), refusals));
            assertEquals(GSSException.BAD_BINDINGS, none.getMajor());
            assertEquals("Token missing ChannelBinding!", none.getMinorString());
            GSSException wrong = assertThrows(
                    GSSException.class,
                    () -> accept(mechanism, Optional.of(TlsChannelBindings.of(OTHER_AD)), refusals));
            assertEquals("Bytes mismatch!", wrong.getMinorString());
            // The right application data hashed with type 255: what a JDK client using the public
            // API sends; refused like a wrong binding, which is the price of matching Windows and MIT.
            GSSException publicApi = assertThrows(
                    GSSException.class, () -> accept(mechanism, Optional.of(new ChannelBinding(AD)), refusals));
            assertEquals("Bytes mismatch!", publicApi.getMinorString());
        }
        assertEquals(6, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).contains("Token missing ChannelBinding!"), refusals.toString());
    }

    @Test
    void anAcceptorWithoutBindingTakesEveryToken() throws Exception {
        for (Optional<ChannelBinding> b : List.of(
                Optional.<ChannelBinding>empty(),
                Optional.of(TlsChannelBindings.of(OTHER_AD)),
                Optional.of(new ChannelBinding(AD)))) {
            byte[] token = kdc.token(TestKdc.SPNEGO, b);
            GSSContext context = GSSManager.getInstance().createContext(acceptor);
            Subject.doAs(kdc.service(), (PrivilegedExceptionAction<byte[]>)
                    () -> context.acceptSecContext(token, 0, token.length));
            assertTrue(context.isEstablished());
        }
    }

    /** alice's token with {@code initiator}'s binding, accepted by a context of the binding manager. */
    private static String accept(Oid mechanism, Optional<ChannelBinding> initiator, List<String> refusals)
            throws Exception {
        byte[] token = kdc.token(mechanism, initiator);
        GSSManager manager = new BindingGssManager(
                GSSManager.getInstance(), TlsChannelBindings.of(AD), e -> refusals.add(e.getMessage()));
        GSSContext context = manager.createContext(acceptor);
        try {
            Subject.doAs(kdc.service(), (PrivilegedExceptionAction<byte[]>)
                    () -> context.acceptSecContext(token, 0, token.length));
        } catch (java.security.PrivilegedActionException e) {
            throw (Exception) e.getCause();
        }
        return context.isEstablished() ? context.getSrcName().toString() : null;
    }
}
