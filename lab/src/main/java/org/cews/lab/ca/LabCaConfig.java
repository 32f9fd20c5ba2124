package org.cews.lab.ca;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.cews.policy.acl.Sid;

/**
 * How to run the lab CA. Build with {@link #builder(String, Path)}.
 *
 * @param name the CA name: the CN of its certificate, the {@code pwszAuthority} it answers to and
 *     the cn of its pKIEnrollmentService object
 * @param stateDirectory where the key, the certificate and the request table live
 * @param keyAlgorithm the key generated on first start (ignored once one exists)
 * @param caValidity the lifetime of the generated self-signed certificate
 * @param clockSkew Config_CA_Clock_Skew_Minutes: notBefore is this much before now ([MS-WCCE]
 *     3.2.1.4.2.1.4.7)
 * @param cdpUrls Config_CA_CDP_Include_In_Cert, written into issued certificates
 * @param aiaUrls Config_CA_AIA_Include_In_Cert, written into issued certificates
 * @param ocspUrls the AIA OCSP URLs (id-ad-ocsp, [RFC 5280] 4.2.2.1), written into issued certificates
 * @param crlPeriod CRLPeriod: the base CRL's nextUpdate is this long after its thisUpdate
 * @param officerSids SIDs (users or groups) holding Officer_Rights: they may retrieve any request
 * @param clock the time source for validity, request times and signer checks
 * @param random serial numbers, key generation, the key store password
 */
public record LabCaConfig(
        String name,
        Path stateDirectory,
        CaKeyAlgorithm keyAlgorithm,
        Duration caValidity,
        Duration clockSkew,
        List<String> cdpUrls,
        List<String> aiaUrls,
        List<String> ocspUrls,
        Duration crlPeriod,
        Set<Sid> officerSids,
        Clock clock,
        SecureRandom random) {

    public LabCaConfig {
        if (name == null || name.isBlank() || stateDirectory == null) {
            throw new IllegalArgumentException("a CA name and a state directory are required");
        }
        cdpUrls = List.copyOf(cdpUrls);
        aiaUrls = List.copyOf(aiaUrls);
        ocspUrls = List.copyOf(ocspUrls);
        if (crlPeriod.isNegative() || crlPeriod.isZero()) {
            throw new IllegalArgumentException("the CRL period must be positive (actual: " + crlPeriod + ")");
        }
        officerSids = Set.copyOf(officerSids);
    }

    /** Defaults: RSA 3072, 10 years, 10 minutes of skew, no CDP/AIA/OCSP, CRLs for 1 day, no officers, system clock. */
    public static Builder builder(String name, Path stateDirectory) {
        return new Builder(name, stateDirectory);
    }

    public static final class Builder {
        private final String name;
        private final Path stateDirectory;
        private CaKeyAlgorithm keyAlgorithm = CaKeyAlgorithm.RSA_3072;
        private Duration caValidity = Duration.ofDays(3650);
        private Duration clockSkew = Duration.ofMinutes(10);
        private List<String> cdpUrls = List.of();
        private List<String> aiaUrls = List.of();
        private List<String> ocspUrls = List.of();
        private Duration crlPeriod = Duration.ofDays(1);
        private Set<Sid> officerSids = Set.of();
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;

        private Builder(String name, Path stateDirectory) {
            this.name = name;
            this.stateDirectory = stateDirectory;
        }

        public Builder keyAlgorithm(CaKeyAlgorithm v) {
            keyAlgorithm = v;
            return this;
        }

        public Builder caValidity(Duration v) {
            caValidity = v;
            return this;
        }

        public Builder clockSkew(Duration v) {
            clockSkew = v;
            return this;
        }

        public Builder cdpUrls(List<String> v) {
            cdpUrls = v;
            return this;
        }

        public Builder aiaUrls(List<String> v) {
            aiaUrls = v;
            return this;
        }

        public Builder ocspUrls(List<String> v) {
            ocspUrls = v;
            return this;
        }

        public Builder crlPeriod(Duration v) {
            crlPeriod = v;
            return this;
        }

        public Builder officerSids(Set<Sid> v) {
            officerSids = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder random(SecureRandom v) {
            random = v;
            return this;
        }

        public LabCaConfig build() {
            return new LabCaConfig(
                    name,
                    stateDirectory,
                    keyAlgorithm,
                    caValidity,
                    clockSkew,
                    cdpUrls,
                    aiaUrls,
                    ocspUrls,
                    crlPeriod,
                    officerSids,
                    clock,
                    random != null ? random : new SecureRandom());
        }
    }
}
