package org.cews.policy.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cews.policy.model.CertificateTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The view offers exactly the templates "explain" calls offered, for every lab account and filter. */
class ViewExplainAgreementTest {

    static LabPolicy lab;

    @BeforeAll
    static void start() throws Exception {
        lab = LabPolicy.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void viewAndExplainNeverDisagree() throws Exception {
        PolicyViews views = new PolicyViews(ViewConfig.of("id"));
        List<RequestFilter> filters = List.of(
                RequestFilter.NONE,
                RequestFilter.KEY_BASED_RENEWAL,
                RequestFilter.of(1, null, false),
                RequestFilter.of(null, 3, false),
                RequestFilter.of(2, 2, true));
        int offered = 0;
        for (String account : List.of("Administrator", "alice", "bob", "carol", "WEB01$", "svc-cep", "svc-ces")) {
            Caller caller = lab.caller(account);
            for (RequestFilter filter : filters) {
                List<String> explainedOffered = new ArrayList<>();
                for (CertificateTemplate t : lab.snapshot.templates()) {
                    if (views.explain(lab.snapshot, caller, t.cn(), filter).offered()) {
                        explainedOffered.add(t.cn());
                    }
                }
                List<String> inView = views.view(lab.snapshot, caller, filter).templateNames();
                assertEquals(
                        explainedOffered.stream()
                                .sorted(String.CASE_INSENSITIVE_ORDER)
                                .toList(),
                        inView,
                        account + " " + filter);
                offered += inView.size();
            }
        }
        // the comparison must have had something to compare
        assertEquals(true, offered > 20, "offered " + offered);
    }
}
