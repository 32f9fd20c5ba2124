package org.cews.ces.service;

import java.util.ArrayList;
import java.util.List;
import org.cews.wcce.api.CaConnection;
import org.cews.wcce.api.CaConnectionFactory;
import org.cews.wcce.api.CaException;
import org.cews.wcce.api.EnrollmentRequest;
import org.cews.wcce.api.EnrollmentResult;

/** A CaConnectionFactory that answers as told and records every call (a real implementation, no mocks). */
public final class FakeCa implements CaConnectionFactory {

    /** What the CA answers: a result, or a failure. */
    public interface Answer {
        EnrollmentResult answer(EnrollmentRequest request) throws CaException;
    }

    /** What it answers to retrieve(ca, id). */
    public interface Retrieval {
        EnrollmentResult answer(String ca, int id) throws CaException;
    }

    public final List<String> connectedAs = new ArrayList<>();
    public final List<EnrollmentRequest> submitted = new ArrayList<>();
    public final List<String> retrieved = new ArrayList<>();
    public int closed;
    public Answer submit = r -> {
        throw new CaException("no answer configured");
    };
    public Retrieval retrieve = (ca, id) -> {
        throw new CaException("no retrieval configured");
    };

    @Override
    public String caName() {
        return LabPolicy.CA;
    }

    @Override
    public CaConnection getConnection() {
        connectedAs.add("(connector)");
        return new Connection();
    }

    @Override
    public CaConnection getConnection(String userPrincipal) {
        connectedAs.add(userPrincipal);
        return new Connection();
    }

    public boolean reached() {
        return !submitted.isEmpty() || !retrieved.isEmpty();
    }

    private final class Connection implements CaConnection {
        @Override
        public String endpoint() {
            return "ca.lab.example:135";
        }

        @Override
        public EnrollmentResult submit(EnrollmentRequest request) throws CaException {
            submitted.add(request);
            return FakeCa.this.submit.answer(request);
        }

        @Override
        public EnrollmentResult retrieve(String caName, int requestId, boolean fullResponse) throws CaException {
            retrieved.add(caName + "#" + requestId);
            return retrieve.answer(caName, requestId);
        }

        @Override
        public EnrollmentResult retrieve(int requestId, boolean fullResponse) throws CaException {
            return retrieve(caName(), requestId, fullResponse);
        }

        @Override
        public void close() {
            closed++;
        }
    }
}
