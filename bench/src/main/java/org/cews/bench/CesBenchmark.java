package org.cews.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.bouncycastle.asn1.x500.X500Name;
import org.cews.client.auth.ClientCertificate;
import org.cews.client.auth.UsernamePassword;
import org.cews.client.pki.CertificateRequests;
import org.cews.client.pki.TemplateExtension;
import org.cews.client.soap.MessageIds;
import org.cews.lab.LabAccounts;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;
import org.cews.wcce.api.RequestFormat;
import org.cews.wcce.client.EnrollmentAgent;

/**
 * Issue 9's CES benchmark: certificates issued per second through the deployed CES (SOAP, caller
 * authentication, inspection, the connector in WildFly) against the lab CA, beside the connector's
 * client code calling the same CA directly, in one run, with the same clients, requests, template
 * and CA. Expects cews running from the run command (bench/run-ces.sh starts and stops it). Samples
 * WildFly's heap after a full collection between the windows and through a long CES-only run. See
 * bench/README.md.
 */
public final class CesBenchmark {

    static final String DIRECT = "direct";
    static final String CES_UT = "ces-ut";
    static final String CES_CERT = "ces-cert";
    static final String CES_MIXED = "ces-mixed";

    private CesBenchmark() {}

    public static void main(String[] args) throws Exception {
        Optional<CesOptions> options = ConnectorBenchmark.options(args, CesOptions.USAGE, CesOptions::parse);
        if (options.isPresent()) {
            ConnectorBenchmark.publish(
                    run(options.get()).markdown(), options.get().report());
        }
    }

    static CesReport run(CesOptions o) throws Exception {
        Instant started = Instant.now();
        double loadBefore = Machine.currentLoadAverage();
        CesDeployment d = CesDeployment.read(o.deploy(), o.https());
        X509Certificate labCa = IssuedCheck.parse(Files.readAllBytes(d.labCaCertificate()));
        IssuedCheck check = new IssuedCheck(labCa);
        SecureRandom random = new SecureRandom();

        say("making " + o.requests() + " RSA 2048 PKCS#10 requests for template " + RequestSet.TEMPLATE
                + " (template name extension, as the client library makes them)");
        RequestSet requests = RequestSet.generate(o.requests(), random, CesBenchmark::pkcs10);

        SessionFactory sessions = new SessionFactory(d.ca(), d.caUser(), d.caDomain(), d.caPassword(), d.caSpn());
        EnrollmentAgent agent =
                new EnrollmentAgent(d.agentKeyStore(), d.agentPassword(), d.agentAlias(), Clock.systemUTC());
        try (PooledSessions pool = PooledSessions.fill(sessions, o.poolSize())) {
            DirectIssuer direct = new DirectIssuer(pool, agent, d.ntName(o.user()), check);

            say("the lab CA issues " + o.user() + " a TLS client certificate through the connector");
            KeyPair tlsKey = RequestSet.rsa2048(random);
            X509Certificate aliceCert = issueTlsCertificate(
                    direct,
                    new RequestSet.Entry(
                            new EnrollmentRequest(
                                    RequestFormat.PKCS10,
                                    pkcs10(tlsKey, 0),
                                    Map.of("CertificateTemplate", RequestSet.TEMPLATE),
                                    false),
                            tlsKey.getPublic().getEncoded()));
            ClientCertificate certificate = new ClientCertificate(tlsKey.getPrivate(), List.of(aliceCert, labCa));
            char[] password =
                    LabAccounts.load().requireUser(o.user()).password().toCharArray();
            MessageIds ids = new MessageIds(random);
            UsernamePassword token = new UsernamePassword(d.upn(o.user()), password, Clock.systemUTC(), ids);
            HttpClient utHttp = CesIssuer.http(d.tlsTrust(), token);
            HttpClient certHttp = CesIssuer.http(d.tlsTrust(), certificate);
            CesIssuer ut = new CesIssuer(utHttp, d.ces("UsernamePassword"), token, ids, check);
            CesIssuer cert = new CesIssuer(certHttp, d.ces("Certificate"), certificate, ids, check);

            Map<String, IntFunction<Issuer<?>>> scenarios = new LinkedHashMap<>();
            scenarios.put(DIRECT, i -> direct);
            scenarios.put(CES_UT, i -> ut);
            scenarios.put(CES_CERT, i -> cert);
            for (Map.Entry<String, IntFunction<Issuer<?>>> s : scenarios.entrySet()) {
                once(s.getKey(), s.getValue().apply(0), requests.get(0));
            }

            CpuClock cpu = new CpuClock(List.of(
                    new CpuClock.Watched("WildFly", o.wildflyPid()),
                    new CpuClock.Watched("lab", d.labPid()),
                    new CpuClock.Watched(
                            "load generator", ProcessHandle.current().pid())));
            JvmProbe heap = new JvmProbe(o.wildflyPid());
            ClosedLoop loop = new ClosedLoop(requests, cpu);
            List<CesReport.HeapSample> heapSeries = new ArrayList<>();
            long[] cesIssued = {0};
            Runnable sampleHeap = () -> heap.afterFullGc().ifPresent(h -> {
                CesReport.HeapSample sample =
                        new CesReport.HeapSample(Duration.between(started, Instant.now()), cesIssued[0], h);
                heapSeries.add(sample);
                say(String.format(
                        Locale.ROOT,
                        "  WildFly heap after a full GC at %d s, %d CES issuances: %.1f MiB used of %.1f MiB",
                        sample.at().toSeconds(),
                        sample.cesIssued(),
                        h.usedKib() / 1024.0,
                        h.committedKib() / 1024.0));
            });
            sampleHeap.run();

            say("warm-up pass: each scenario for " + o.prime().toSeconds() + " s, not measured (WildFly's JIT"
                    + " needs minutes on a busy 2-core machine)");
            for (Map.Entry<String, IntFunction<Issuer<?>>> s : scenarios.entrySet()) {
                loop.run(s.getKey(), o.clients(), s.getValue(), Duration.ZERO, o.prime());
            }
            sampleHeap.run();
            Map<String, List<ClosedLoop.Window>> slices = new LinkedHashMap<>();
            scenarios.keySet().forEach(name -> slices.put(name, new ArrayList<>()));
            for (int round = 0; round < o.rounds(); round++) {
                List<String> order = new ArrayList<>(scenarios.keySet());
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                say("round " + (round + 1) + " of " + o.rounds());
                for (String name : order) {
                    ClosedLoop.Window w = loop.run(name, o.clients(), scenarios.get(name), o.warmup(), o.slice());
                    summarize(w);
                    slices.get(name).add(w);
                    if (!name.equals(DIRECT)) {
                        cesIssued[0] += w.issued();
                    }
                    sampleHeap.run();
                }
            }

            List<ClosedLoop.Window> soak = new ArrayList<>();
            if (!o.soak().isZero()) {
                say("long run: " + o.soak().toSeconds() + " s of the CES, clients alternating UsernameToken and"
                        + " certificate, heap sampled after a full collection every "
                        + o.sample().toSeconds() + " s");
                IntFunction<Issuer<?>> mixed = i -> i % 2 == 0 ? ut : cert;
                long windows = Math.max(1, o.soak().toSeconds() / o.sample().toSeconds());
                if (o.jfr().isPresent()) {
                    heap.startRecording(o.jfr().get());
                }
                for (long n = 0; n < windows; n++) {
                    ClosedLoop.Window w = loop.run(CES_MIXED, o.clients(), mixed, Duration.ZERO, o.sample());
                    summarize(w);
                    soak.add(w);
                    cesIssued[0] += w.issued();
                    sampleHeap.run();
                }
                if (o.jfr().isPresent()) {
                    heap.stopRecording();
                    say("WildFly's flight recording of the long run: "
                            + o.jfr().get().toAbsolutePath());
                }
            }
            return new CesReport(
                    started,
                    loadBefore,
                    Machine.currentLoadAverage(),
                    o,
                    d,
                    labCa,
                    heap.flags(),
                    cpu.processes(),
                    slices,
                    soak,
                    heapSeries);
        }
    }

    /** A PKCS#10 as the client library makes it for template User: the template name extension, a label subject. */
    static byte[] pkcs10(KeyPair keys, int n) throws Exception {
        return CertificateRequests.pkcs10(
                        keys,
                        new CertificateRequests.Content(
                                new X500Name("CN=cews-bench-" + n),
                                List.of(),
                                Optional.of(new TemplateExtension.Name(RequestSet.TEMPLATE))),
                        Optional.empty())
                .getEncoded();
    }

    private static X509Certificate issueTlsCertificate(DirectIssuer direct, RequestSet.Entry entry) throws Exception {
        EnrollmentResult result = direct.send(entry);
        Optional<String> problem = direct.check(result, entry);
        if (problem.isPresent()) {
            throw new IllegalStateException("the lab CA did not issue the TLS client certificate: " + problem.get());
        }
        return IssuedCheck.parse(((EnrollmentResult.Issued) result).certificate());
    }

    /** One issuance of a scenario before anything is measured: a setup problem shows here, plainly. */
    private static <A> void once(String name, Issuer<A> issuer, RequestSet.Entry entry) throws Exception {
        Optional<String> problem = issuer.check(issuer.send(entry), entry);
        if (problem.isPresent()) {
            throw new IllegalStateException(name + ": the first request was not issued: " + problem.get());
        }
        say(name + ": one certificate issued");
    }

    private static void summarize(ClosedLoop.Window w) {
        Latencies l = Latencies.of(w.latencies());
        say(String.format(
                Locale.ROOT,
                "  %-10s %6d issued, %7.1f/s, p50 %7.1f ms, p99 %7.1f ms, %d errors, CPU s %s, machine %.0f%% busy",
                w.scenario(),
                w.issued(),
                w.throughput(),
                Latencies.millis(l.p50()),
                Latencies.millis(l.p99()),
                w.errors(),
                w.cpu(),
                100 * w.machineBusy()));
    }

    static void say(String line) {
        System.out.println("bench: " + line);
    }
}
