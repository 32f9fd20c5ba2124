package org.cews.lab.officer;

import java.util.List;
import java.util.stream.Collectors;
import org.cews.lab.ca.LabCa.PendingRequest;

/** The officer endpoint's few JSON shapes (RFC 8259), written by hand: strings escaped, nothing else. */
final class Json {

    private Json() {}

    static String pending(List<PendingRequest> pending) {
        return pending.stream()
                .map(p -> "{\"ca\":" + string(p.ca()) + ",\"requestId\":" + p.requestId() + ",\"requester\":"
                        + string(p.requester())
                        + ",\"template\":" + string(p.template()) + ",\"submitted\":"
                        + string(String.valueOf(p.submitted())) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    static String decision(String ca, int requestId, String result) {
        return "{\"ca\":" + string(ca) + ",\"requestId\":" + requestId + ",\"result\":" + string(result) + "}";
    }

    static String revocation(String ca, int requestId, String serial, String result) {
        return "{\"ca\":" + string(ca) + ",\"requestId\":" + requestId + ",\"serial\":" + string(serial)
                + ",\"result\":" + string(result) + "}";
    }

    static String error(String message) {
        return "{\"error\":" + string(message) + "}";
    }

    static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
