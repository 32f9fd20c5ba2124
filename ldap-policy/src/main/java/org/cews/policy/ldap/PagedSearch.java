package org.cews.policy.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.ArrayList;
import java.util.List;

/**
 * A search in pages with the simple paged results control (RFC 2696, OID 1.2.840.113556.1.4.319),
 * which AD needs past MaxPageSize (1000) entries. The control is sent non-critical: a server that
 * does not support it ignores it and answers in one go without a response control, which ends the
 * loop; one that refuses it anyway (unavailableCriticalExtension, unwillingToPerform) gets the
 * search again without paging.
 */
final class PagedSearch {

    /** Stops a server that keeps returning cookies from looping forever. */
    static final int MAX_PAGES = 10_000;

    private PagedSearch() {}

    static List<SearchResultEntry> search(LDAPConnection connection, SearchRequest request, int pageSize)
            throws LDAPException {
        List<SearchResultEntry> entries = new ArrayList<>();
        List<Control> base = List.of(request.getControls());
        ASN1OctetString cookie = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            SearchRequest paged = request.duplicate();
            List<Control> controls = new ArrayList<>(base);
            controls.add(new SimplePagedResultsControl(pageSize, cookie, false));
            paged.setControls(controls);
            SearchResult result;
            try {
                result = connection.search(paged);
            } catch (LDAPException e) {
                if (page == 0 && refusesPaging(e.getResultCode())) {
                    return connection.search(request).getSearchEntries();
                }
                throw e;
            }
            entries.addAll(result.getSearchEntries());
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            if (response == null || !response.moreResultsToReturn()) {
                return entries;
            }
            cookie = response.getCookie();
        }
        throw new LDAPException(ResultCode.LOOP_DETECT, "more than " + MAX_PAGES + " pages for " + request.getBaseDN());
    }

    private static boolean refusesPaging(ResultCode code) {
        return code == ResultCode.UNAVAILABLE_CRITICAL_EXTENSION || code == ResultCode.UNWILLING_TO_PERFORM;
    }
}
