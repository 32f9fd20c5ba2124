package org.cews.wcce.msrpce;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cews.wcce.server.msrpce.RpcPrincipal;
import org.cews.wcce.server.msrpce.ServerSecurityContext;
import org.cews.wcce.server.msrpce.ServerSecurityContextFactory;

/**
 * A test-only security provider pair with NTLM's shape (three legs, auth3) or SPNEGO's (four legs,
 * alter_context). Tokens are ASCII: "HELLO", "CHALLENGE", "PROOF:user:password", "DONE". The server
 * knows one password, "secret".
 */
final class FakeSecurity {

    static final AuthType TYPE = AuthType.NTLM;

    private FakeSecurity() {}

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static class Client implements ClientSecurityContext {
        private final AuthType type;
        private final ThirdLeg thirdLeg;
        private final String user;
        private final String password;
        private final int verifierLength;
        private boolean established;

        Client(AuthType type, ThirdLeg thirdLeg, String user, String password, int verifierLength) {
            this.type = type;
            this.thirdLeg = thirdLeg;
            this.user = user;
            this.password = password;
            this.verifierLength = verifierLength;
        }

        static Client ntlmLike(String user, String password) {
            return new Client(TYPE, ThirdLeg.AUTH3, user, password, 16);
        }

        static Client spnegoLike(String user, String password) {
            return new Client(AuthType.SPNEGO, ThirdLeg.ALTER_CONTEXT, user, password, 76);
        }

        @Override
        public AuthType authType() {
            return type;
        }

        @Override
        public ThirdLeg thirdLeg() {
            return thirdLeg;
        }

        @Override
        public byte[] initialToken() {
            return ascii("HELLO");
        }

        @Override
        public Optional<byte[]> nextToken(byte[] serverToken) throws RpcSecurityException {
            String token = new String(serverToken, StandardCharsets.US_ASCII);
            if (token.equals("CHALLENGE")) {
                established = thirdLeg == ThirdLeg.AUTH3;
                return Optional.of(ascii("PROOF:" + user + ":" + password));
            }
            if (token.equals("DONE") && thirdLeg == ThirdLeg.ALTER_CONTEXT) {
                established = true;
                return Optional.empty();
            }
            throw new RpcSecurityException("server token (expected: CHALLENGE or DONE, actual: " + token + ")");
        }

        @Override
        public boolean isEstablished() {
            return established;
        }

        @Override
        public PduProtection protection() {
            return ToyProtection.initiator(verifierLength);
        }
    }

    static final class Server implements ServerSecurityContext {
        private final AuthType type;
        private final int verifierLength;
        private String user;
        private boolean established;

        Server(AuthType type, int verifierLength) {
            this.type = type;
            this.verifierLength = verifierLength;
        }

        /** NTLM-like (16-byte verifier, auth3) and SPNEGO-like (76-byte verifier, alter_context). */
        static ServerSecurityContextFactory factory() {
            return t -> {
                if (t.equals(TYPE)) {
                    return Optional.of(new Server(t, 16));
                }
                if (t.equals(AuthType.SPNEGO)) {
                    return Optional.of(new Server(t, 76));
                }
                return Optional.empty();
            };
        }

        @Override
        public AuthType authType() {
            return type;
        }

        @Override
        public Optional<byte[]> accept(byte[] clientToken) throws RpcSecurityException {
            String token = new String(clientToken, StandardCharsets.US_ASCII);
            if (token.equals("HELLO")) {
                return Optional.of(ascii("CHALLENGE"));
            }
            String[] proof = token.split(":", -1);
            if (proof.length == 3 && proof[0].equals("PROOF")) {
                if (!proof[2].equals("secret")) {
                    throw new RpcSecurityException(
                            "logon of " + proof[1] + " (expected: right password, actual: wrong)");
                }
                user = proof[1];
                established = true;
                return type.equals(AuthType.SPNEGO) ? Optional.of(ascii("DONE")) : Optional.empty();
            }
            throw new RpcSecurityException("client token (expected: HELLO or PROOF, actual: " + token + ")");
        }

        @Override
        public boolean isEstablished() {
            return established;
        }

        @Override
        public RpcPrincipal principal() {
            return new RpcPrincipal(user, "LAB");
        }

        @Override
        public PduProtection protection() {
            return ToyProtection.acceptor(verifierLength);
        }
    }
}
