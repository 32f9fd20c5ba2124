package org.cews.lab.ca;

import java.util.List;
import java.util.Optional;
import org.cews.lab.ca.revocation.CaRevocation;
import org.cews.lab.ca.revocation.RevocationTarget;

/**
 * Which CA an officer's command is for, when an engine answers for several ({@link
 * LabCa#authorities()}): request IDs are per CA, as each AD CS CA has its own database, so an ID
 * alone may name a request at more than one CA. certutil names the CA with {@code -config
 * host\CA}; the lab's officer names it with {@code ca=NAME} (a CA name as {@link CaNames} accepts
 * it). Without a name: a single CA is the one; of several, the only one with the ID pending, and
 * never a guess when more than one has it.
 */
public final class OfficerChoice {

    private OfficerChoice() {}

    /** The authority named {@code caName}, or the engine itself when no name is given. */
    public static LabCa authority(LabCa engine, Optional<String> caName) throws Refused {
        if (caName.isEmpty()) {
            return engine;
        }
        return engine.authorities().stream()
                .filter(ca -> CaNames.accepts(caName.get(), ca.name()))
                .findFirst()
                .orElseThrow(() -> new Refused(
                        Refused.Reason.UNKNOWN_CA,
                        "no CA named " + caName.get() + " (the CAs: " + names(engine.authorities()) + ")"));
    }

    /**
     * The authority an approve or deny of {@code requestId} goes to: the named one; else the only
     * one, or of several the only one holding {@code requestId} pending.
     *
     * @throws Refused UNKNOWN_CA for a name no CA answers to, AMBIGUOUS when several CAs hold the ID
     *     pending, NOT_PENDING when none of several does
     */
    public static LabCa holder(LabCa engine, Optional<String> caName, int requestId) throws Refused {
        if (caName.isPresent()) {
            return authority(engine, caName);
        }
        List<LabCa> all = engine.authorities();
        if (all.size() == 1) {
            return all.get(0);
        }
        List<LabCa> holders = all.stream()
                .filter(ca -> ca.pending().stream().anyMatch(p -> p.requestId() == requestId))
                .toList();
        if (holders.size() == 1) {
            return holders.get(0);
        }
        if (holders.isEmpty()) {
            throw new Refused(
                    Refused.Reason.NOT_PENDING,
                    "request " + requestId + " is not pending at any CA (the CAs: " + names(all) + ")");
        }
        throw new Refused(
                Refused.Reason.AMBIGUOUS,
                "request " + requestId + " is pending at several CAs (" + names(holders)
                        + "): name the CA (ca=NAME; lab.sh officer --ca=NAME)");
    }

    /** The CA that issued the certificate an officer revokes, and that certificate. */
    public record Issuer(CaRevocation ca, CaRevocation.Issued certificate) {}

    /**
     * The CA that issued {@code target}: among the named one, else among all authorities, the only
     * one that issued it (request IDs and serials are per CA).
     *
     * @throws Refused UNKNOWN_CA for a name no CA answers to, NOT_ISSUED when no CA issued it,
     *     AMBIGUOUS when several did
     */
    public static Issuer issuer(LabCa engine, Optional<String> caName, RevocationTarget target) throws Refused {
        List<LabCa> candidates = caName.isPresent() ? List.of(authority(engine, caName)) : engine.authorities();
        List<Issuer> found = candidates.stream()
                .flatMap(ca -> ca.revocation().stream())
                .flatMap(r -> target.find(r).map(c -> new Issuer(r, c)).stream())
                .toList();
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new Refused(
                    Refused.Reason.NOT_ISSUED, "no issued certificate for " + target + " at " + names(candidates));
        }
        throw new Refused(
                Refused.Reason.AMBIGUOUS,
                target + " names certificates at several CAs ("
                        + String.join(
                                ", ", found.stream().map(i -> i.ca().caName()).toList())
                        + "): name the CA (ca=NAME; lab.sh officer --ca=NAME)");
    }

    private static String names(List<LabCa> cas) {
        return String.join(", ", cas.stream().map(LabCa::name).toList());
    }

    /** The command names no CA it can act on; nothing changed. */
    public static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        /** Why. */
        public enum Reason {
            UNKNOWN_CA,
            AMBIGUOUS,
            NOT_PENDING,
            NOT_ISSUED
        }

        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
