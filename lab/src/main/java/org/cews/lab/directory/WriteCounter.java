package org.cews.lab.directory;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the embedded directory's successful writes (add, modify, modify DN, delete) and its
 * searches, as they pass the in-memory server's interceptor chain: every LDAP operation does,
 * whether it came over a socket or through {@code server().getConnection()}; UnboundID's
 * convenience methods on the server object itself (its {@code add}, {@code modify}, ...) do not,
 * so the lab's own writes go through a connection ({@link EmbeddedDirectory#publishCaCertificate}).
 */
final class WriteCounter extends InMemoryOperationInterceptor {

    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong searches = new AtomicLong();

    long writes() {
        return writes.get();
    }

    long searches() {
        return searches.get();
    }

    @Override
    public void processAddResult(InMemoryInterceptedAddResult result) {
        count(result.getResult());
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        count(result.getResult());
    }

    @Override
    public void processModifyDNResult(InMemoryInterceptedModifyDNResult result) {
        count(result.getResult());
    }

    @Override
    public void processDeleteResult(InMemoryInterceptedDeleteResult result) {
        count(result.getResult());
    }

    @Override
    public void processSearchResult(InMemoryInterceptedSearchResult result) {
        searches.incrementAndGet();
    }

    private void count(LDAPResult result) {
        if (result.getResultCode() == ResultCode.SUCCESS) {
            writes.incrementAndGet();
        }
    }
}
