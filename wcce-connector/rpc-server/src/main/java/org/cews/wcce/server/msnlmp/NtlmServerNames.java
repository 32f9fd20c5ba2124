package org.cews.wcce.server.msnlmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cews.wcce.msnlmp.AvId;
import org.cews.wcce.msnlmp.AvPair;
import org.cews.wcce.msnlmp.TargetInfo;

/**
 * The names a server puts in its CHALLENGE_MESSAGE ([MS-NLMP] 3.2.1.1 NbDomainName, NbMachineName,
 * DnsDomainName, DnsMachineName, DnsForestName; 3.2.5.1.1): the TargetName is the NetBIOS domain,
 * as for a domain-joined server.
 *
 * @param dnsForest null when there is no forest name to send
 */
public record NtlmServerNames(
        String nbDomain, String nbComputer, String dnsDomain, String dnsComputer, String dnsForest) {

    public NtlmServerNames {
        Objects.requireNonNull(nbDomain, "nbDomain");
        Objects.requireNonNull(nbComputer, "nbComputer");
        Objects.requireNonNull(dnsDomain, "dnsDomain");
        Objects.requireNonNull(dnsComputer, "dnsComputer");
    }

    /**
     * The TargetInfo in the order Windows and Samba send it (NbDomain, NbComputer, DnsDomain,
     * DnsComputer, DnsTree, then the timestamp; docs/RPC-NTLM.md §1.2).
     */
    TargetInfo targetInfo(long fileTime) {
        List<AvPair> pairs = new ArrayList<>();
        pairs.add(AvPair.ofString(AvId.NB_DOMAIN_NAME, nbDomain));
        pairs.add(AvPair.ofString(AvId.NB_COMPUTER_NAME, nbComputer));
        pairs.add(AvPair.ofString(AvId.DNS_DOMAIN_NAME, dnsDomain));
        pairs.add(AvPair.ofString(AvId.DNS_COMPUTER_NAME, dnsComputer));
        if (dnsForest != null) {
            pairs.add(AvPair.ofString(AvId.DNS_TREE_NAME, dnsForest));
        }
        pairs.add(AvPair.ofU64(AvId.TIMESTAMP, fileTime));
        return new TargetInfo(pairs);
    }
}
