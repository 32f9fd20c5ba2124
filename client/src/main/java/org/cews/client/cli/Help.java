package org.cews.client.cli;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The manual {@code enroll --help} prints (docs/CLIENT.md is the same text with examples). */
final class Help {
    private Help() {}

    static String text() {
        String codes = Stream.of(ExitCode.values())
                .map(c -> String.format("  %d  %s", c.code(), c.meaning()))
                .collect(Collectors.joining("\n"));
        return """
                enroll: a client for Microsoft's Certificate Enrollment Policy (CEP, MS-XCEP) and
                Certificate Enrollment (CES, MS-WSTEP) web services, as served by AD CS or cews.

                Usage:
                  java -jar enroll.jar COMMAND [OPTIONS]      (or: client/enroll COMMAND [OPTIONS])

                Commands:
                  templates --cep URL
                      List the templates the policy offers you, each with its OID, schema, your
                      permissions, and the CAs that issue it with their CES URIs (priority,
                      authentication, renewal only).
                  request --cep URL --template NAME [--out PREFIX]
                      Generate a key (PREFIX.key) and a PKCS#10 carrying the template extension,
                      send it to the template's CES and write PREFIX.crt and PREFIX.chain.pem
                      (or PREFIX.p12 with --format p12). A pending request prints its reference.
                        --key-type T        rsa:2048 (default, or the template's minimum),
                                            rsa:3072, rsa:4096, ec:p256, ec:p384
                        --key FILE          use this PEM private key instead of a new one
                        --csr FILE          send this PEM PKCS#10 as it is (it must name the
                                            template itself); give --key too for --format p12
                        --subject DN        the subject, e.g. "CN=web01.lab.example" (default:
                                            empty; AD CS builds it from the directory)
                        --dns NAME          a DNS name for the subject alternative name (repeat)
                        --template-extension name|info|none|auto
                                            v1 name (1.3.6.1.4.1.311.20.2), v2 information
                                            (1.3.6.1.4.1.311.21.7); auto: v1 for schema-1
                                            templates, v2 for the others
                        --force             replace an existing PREFIX.key (never done without)
                  poll REFERENCE [--out PREFIX]
                      Collect a pending request. REFERENCE is REQUESTID@CES-URL as request
                      printed it; use the same authentication options as the request. The
                      certificate goes to PREFIX.crt (default request-ID); PREFIX.key, when
                      present, is checked against it (and used for --format p12).
                        --key FILE          the request's key, if not PREFIX.key
                  renew --cep URL (--cert FILE --key FILE | --old-p12 FILE) [--out PREFIX]
                      Renew: a new PKCS#10 with the old certificate as its renewal attribute,
                      inside CMS signed with the old key, sent to the template's CES URIs
                      (renewal-only URIs included) with the authentication you choose.
                        --key-based         authenticate with the old certificate itself as the
                                            TLS client certificate (key-based renewal; use the
                                            KeyBasedRenewal_..._CEP_Certificate policy URL)
                        --reuse-key         keep the old key (default: a new key of its kind)
                        --template NAME     default: the template named in the old certificate
                        --old-p12-password-env VAR | --old-p12-password-file FILE
                        --key-type, --format, --force as for request

                Options of request, poll and renew:
                  --format pem|p12          PEM files (default) or one PKCS#12 file
                  --p12-password-env VAR | --p12-password-file FILE
                                            the PKCS#12 password (default: a prompt)
                  --wait SECONDS            while pending, poll again until issued or SECONDS
                                            pass, with a progress line before each poll
                  --interval SECONDS        between polls (default 10)
                  --ces URL                 (request, renew; repeat) send to these CES URLs, in
                                            this order, instead of the policy's for the template

                Authentication (all commands; the policy's CES URIs of the same mode are used):
                  --auth kerberos           (default) SPNEGO from the ticket cache (kinit), or
                                            --keytab FILE with --principal NAME, or
                                            --principal NAME with --password-env VAR or
                                            --password-file FILE (a login as kinit does)
                        --ticket-cache FILE   default: KRB5CCNAME or the system default
                        --krb5-conf FILE      the krb5.conf naming the KDC (default: KRB5_CONFIG,
                                              then the JVM's default, /etc/krb5.conf)
                        --channel-binding auto|off
                                              auto (default): over HTTPS, bind the token to
                                              the server's TLS certificate (tls-server-end-point)
                  --auth password --user NAME
                                            WS-Security UsernameToken. The password comes from
                                            --password-env VAR, --password-file FILE (first
                                            line) or a prompt; never from the command line.
                  --auth certificate        a TLS client certificate: --client-p12 FILE
                                            (--client-p12-password-env/-file, or a prompt) or
                                            --client-cert FILE --client-key FILE (PEM)
                  --auth anonymous          no credentials (renewals signed by the old key)

                Other options:
                  --ca-file FILE            trust the server's TLS certificate through these PEM
                                            CA certificates (default: the JVM's trust store)
                  --cache-dir DIR           the policy cache (default ~/.cache/cews-enroll); a
                                            policy is reused for the nextUpdateHours it names
                                            (8 if none), then fetched again with lastUpdate
                  --no-cache                neither read nor write the policy cache
                  --refresh                 fetch the policy even if the cache is fresh
                  --timeout SECONDS         connect and answer timeout per request (default 30)
                  --trace                   print each SOAP exchange to standard error, with
                                            passwords and Negotiate tokens masked
                  --help                    this text

                How endpoints are chosen (as Windows does): only the CAs the template names;
                only their CES URIs of your authentication mode; renewal-only URIs only for
                renewals; the lowest priority number first. When a URI cannot be reached or
                answers HTTP 503, the next one is tried; any other answer, a refusal included,
                is final.

                Results go to standard output; progress lines, notes and the trace go to
                standard error. Messages start with an id (ENRnnnn); a refusal names the
                HRESULT the server sent and what it means.

                Exit codes:
                """
                + codes + "\n";
    }
}
