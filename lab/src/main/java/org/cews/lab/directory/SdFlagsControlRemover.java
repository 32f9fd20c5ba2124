package org.cews.lab.directory;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import java.util.Arrays;
import java.util.List;

/**
 * Takes the LDAP_SERVER_SD_FLAGS_OID control ([MS-ADTS] 3.1.1.3.4.1.11, 1.2.840.113556.1.4.801)
 * off every search. AD answers it by returning the asked parts of nTSecurityDescriptor; the
 * in-memory server does not know it and would refuse the search, the control being critical. The
 * fixtures store the descriptor as SD flags 7 returns it, so dropping the control answers alike.
 */
final class SdFlagsControlRemover extends InMemoryOperationInterceptor {

    static final String SD_FLAGS_OID = "1.2.840.113556.1.4.801";

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        Control[] controls = request.getRequest().getControls();
        List<Control> kept = Arrays.stream(controls)
                .filter(c -> !c.getOID().equals(SD_FLAGS_OID))
                .toList();
        if (kept.size() != controls.length) {
            SearchRequest copy = request.getRequest().duplicate();
            copy.setControls(kept);
            request.setRequest(copy);
        }
    }
}
