package org.cews.soap.service;

/**
 * What an operation answers: the reply's wsa:Action and the Body's content as UTF-8 bytes, which
 * may be shared with a cache (never modified once handed over).
 */
public record SoapAnswer(String action, byte[] body) {

    public SoapAnswer {
        if (action == null || action.isBlank() || body == null) {
            throw new IllegalArgumentException("an answer needs an action and a body");
        }
    }
}
