package org.cews.ces.wstep;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cews.ces.CesMessage;
import org.cews.soap.envelope.EnvelopeReader;
import org.cews.soap.envelope.SoapFormatException;

/**
 * Reads a wst:RequestSecurityToken ([MS-WSTEP] 3.1.4.1.3.3) from a StAX reader positioned at the
 * SOAP Body's first child, and leaves it at that element's end. Lenient where real clients differ
 * (docs/WSTEP.md §2): children are matched by local name within the WS-Trust family of
 * namespaces, in any order; the BinarySecurityToken's attributes by local name in any namespace
 * (old cepces qualified them); ValueType is kept but not trusted; all whitespace is removed from
 * the base64 text (cepces sends 64-character lines, Windows may send CR LF); an empty token is
 * allowed for QueryTokenStatus (cepces sends one, self-closing); unknown elements are skipped, as
 * 3.1.4.1.3.3 says they SHOULD be. Strict where the specification is: RequestType must be one of
 * the three of 3.1.4.1.2.7, Issue needs a token, its EncodingType must be present and base64
 * (IIS answers "The EncodingType is invalid." otherwise), QueryTokenStatus needs a RequestID
 * (3.1.4.2.1.2). Every refusal is a Sender {@link WstepFault}. Text is read up to fixed limits, so
 * an oversized token costs no more than the limit.
 */
public final class RstReader {

    /** The default limit of the token's base64 text, whitespace removed: 256 KiB (192 KiB DER). */
    public static final int DEFAULT_MAX_TOKEN_CHARS = 256 * 1024;

    static final int MAX_TEXT = 4096;
    static final int MAX_CONTEXT_ITEMS = 64;

    private static final Set<String> FAMILY = Set.of(Wstep.NS_WST, Wstep.NS_WSTEP, Wstep.NS_WSSE, Wstep.NS_AUTH);

    private final int maxTokenChars;

    public RstReader(int maxTokenChars) {
        if (maxTokenChars <= 0) {
            throw new IllegalArgumentException("token limit must be positive: " + maxTokenChars);
        }
        this.maxTokenChars = maxTokenChars;
    }

    public RstReader() {
        this(DEFAULT_MAX_TOKEN_CHARS);
    }

    /** What the body said, collected before it is checked. */
    private static final class Fields {
        String tokenType;
        String requestType;
        boolean tokenSeen;
        String valueType;
        String encodingType;
        String tokenText = "";
        final List<ContextItem> context = new ArrayList<>();
        boolean requestKet;
        String requestId;
    }

    public RstRequest read(XMLStreamReader r) throws WstepFault {
        try {
            if (r.getEventType() != XMLStreamConstants.START_ELEMENT
                    || !Wstep.NS_WST.equals(r.getNamespaceURI())
                    || !"RequestSecurityToken".equals(r.getLocalName())) {
                String found = r.getEventType() == XMLStreamConstants.START_ELEMENT
                        ? "{" + r.getNamespaceURI() + "}" + r.getLocalName()
                        : "no element";
                throw fault(CesMessage.CES0101, found);
            }
            Fields f = new Fields();
            while (r.next() != XMLStreamConstants.END_ELEMENT) {
                if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
                    child(r, f);
                }
            }
            return build(f);
        } catch (XMLStreamException e) {
            throw fault(CesMessage.CES0112, e.getMessage());
        }
    }

    private void child(XMLStreamReader r, Fields f) throws XMLStreamException, WstepFault {
        if (!FAMILY.contains(r.getNamespaceURI())) {
            skip(r);
            return;
        }
        switch (r.getLocalName()) {
            case "TokenType" -> f.tokenType = text(r, "TokenType", MAX_TEXT, false);
            case "RequestType" -> f.requestType = text(r, "RequestType", MAX_TEXT, false);
            case "BinarySecurityToken" -> {
                f.tokenSeen = true;
                f.valueType = attribute(r, "ValueType");
                f.encodingType = attribute(r, "EncodingType");
                f.tokenText = text(r, "BinarySecurityToken", maxTokenChars, true);
            }
            case "AdditionalContext" -> additionalContext(r, f.context);
            case "RequestKET" -> {
                f.requestKet = true;
                skip(r);
            }
            case "RequestID" -> {
                boolean nil = isNil(r);
                String id = text(r, "RequestID", MAX_TEXT, false);
                f.requestId = nil || id.isEmpty() ? null : id;
            }
            default -> skip(r);
        }
    }

    private static void additionalContext(XMLStreamReader r, List<ContextItem> items)
            throws XMLStreamException, WstepFault {
        while (r.next() != XMLStreamConstants.END_ELEMENT) {
            if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!"ContextItem".equals(r.getLocalName())) {
                skip(r);
                continue;
            }
            if (items.size() == MAX_CONTEXT_ITEMS) {
                throw fault(CesMessage.CES0110, MAX_CONTEXT_ITEMS);
            }
            String name = attribute(r, "Name");
            if (name == null || name.isBlank()) {
                throw fault(CesMessage.CES0111);
            }
            String value = "";
            while (r.next() != XMLStreamConstants.END_ELEMENT) {
                if (r.getEventType() == XMLStreamConstants.START_ELEMENT) {
                    if ("Value".equals(r.getLocalName())) {
                        value = text(r, "ContextItem " + name, MAX_TEXT, false);
                    } else {
                        skip(r);
                    }
                }
            }
            items.add(new ContextItem(name.strip(), value));
        }
    }

    private RstRequest build(Fields f) throws WstepFault {
        if (f.tokenType != null && !f.tokenType.isEmpty() && !Wstep.TOKEN_TYPE_X509V3.equals(f.tokenType)) {
            throw fault(CesMessage.CES0104, f.tokenType);
        }
        if (f.requestType == null || f.requestType.isEmpty()) {
            throw fault(CesMessage.CES0102);
        }
        switch (f.requestType) {
            case Wstep.REQUEST_ISSUE:
                return new RstRequest.Issue(token(f), f.context);
            case Wstep.REQUEST_QUERY_TOKEN_STATUS:
                if (f.requestId == null) {
                    throw fault(CesMessage.CES0109);
                }
                return new RstRequest.QueryTokenStatus(f.requestId, f.context);
            case Wstep.REQUEST_KET:
                if (!f.requestKet) {
                    throw fault(CesMessage.CES0113);
                }
                return new RstRequest.Ket(f.context);
            default:
                throw fault(CesMessage.CES0103, f.requestType);
        }
    }

    private static BinarySecurityToken token(Fields f) throws WstepFault {
        if (!f.tokenSeen || f.tokenText.isEmpty()) {
            throw fault(CesMessage.CES0105);
        }
        if (f.encodingType == null
                || !f.encodingType.strip().toLowerCase(Locale.ROOT).endsWith("#base64binary")) {
            throw fault(CesMessage.CES0106, f.encodingType == null ? "(none)" : f.encodingType);
        }
        try {
            return new BinarySecurityToken(f.valueType, Base64.getDecoder().decode(f.tokenText));
        } catch (IllegalArgumentException e) {
            throw fault(CesMessage.CES0107, e.getMessage());
        }
    }

    /** The attribute called {@code localName} in any namespace, or no namespace; null if none. */
    private static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (localName.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static boolean isNil(XMLStreamReader r) {
        String nil = r.getAttributeValue(Wstep.NS_XSI, "nil");
        return nil != null && ("true".equals(nil.strip()) || "1".equals(nil.strip()));
    }

    /**
     * The element's text up to its end (child elements skipped), trimmed, or with every whitespace
     * character removed; more than {@code limit} characters is a fault.
     */
    private static String text(XMLStreamReader r, String what, int limit, boolean removeWhitespace)
            throws XMLStreamException, WstepFault {
        StringBuilder s = new StringBuilder();
        while (r.next() != XMLStreamConstants.END_ELEMENT) {
            int event = r.getEventType();
            if (event == XMLStreamConstants.START_ELEMENT) {
                skip(r);
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw fault(CesMessage.CES0112, "entity reference &" + r.getLocalName() + ";");
            } else if (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                char[] chars = r.getTextCharacters();
                int end = r.getTextStart() + r.getTextLength();
                for (int i = r.getTextStart(); i < end; i++) {
                    if (!(removeWhitespace && Character.isWhitespace(chars[i]))) {
                        s.append(chars[i]);
                    }
                }
                if (s.length() > limit + (removeWhitespace ? 0 : 2 * MAX_TEXT)) {
                    throw fault(CesMessage.CES0108, what, limit);
                }
            }
        }
        String text = removeWhitespace ? s.toString() : s.toString().strip();
        if (text.length() > limit) {
            throw fault(CesMessage.CES0108, what, limit);
        }
        return text;
    }

    /** Skips from a START_ELEMENT to its END_ELEMENT, as the envelope reader does (entity references refused). */
    private static void skip(XMLStreamReader r) throws XMLStreamException, WstepFault {
        try {
            EnvelopeReader.skip(r);
        } catch (SoapFormatException e) {
            throw fault(CesMessage.CES0112, e.getMessage());
        }
    }

    private static WstepFault fault(CesMessage id, Object... args) {
        return WstepFault.sender(id.format(args), id.text(args));
    }
}
