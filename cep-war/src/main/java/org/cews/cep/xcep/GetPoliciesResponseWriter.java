package org.cews.cep.xcep;

import java.io.ByteArrayOutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cews.cep.CepMessages;
import org.cews.policy.model.CertificateTemplate;
import org.cews.policy.model.EnrollmentServer;
import org.cews.policy.model.KeySpec;
import org.cews.policy.model.Oid;
import org.cews.policy.model.RaRequirements;
import org.cews.policy.view.CaEntry;
import org.cews.policy.view.OidEntry;
import org.cews.policy.view.OidGroup;
import org.cews.policy.view.PolicyEntry;
import org.cews.soap.envelope.Soap12;
import org.cews.soap.envelope.StaxFactories;

/**
 * The one writer of [MS-XCEP] 3.1.4.1.2.2 GetPoliciesResponse. Every rule of the wire form lives
 * here, pinned by GetPoliciesResponseWriterTest (docs/REAL-CLIENTS.md says why each matters):
 *
 * <ul>
 *   <li>every element of 3.1.4.1.3 in schema (xs:sequence) order, none omitted: Windows refuses a
 *       missing or reordered element (WS_E_INVALID_FORMAT);
 *   <li>an empty nillable element is {@code xsi:nil="true"}, that literal (cepces recognises no
 *       other); {@code response} is never nil;
 *   <li>booleans {@code true}/{@code false}; integers in decimal; flag words unsigned;
 *   <li>base64 on one line ({@code Base64.getEncoder()}, never MIME lines), no white space in any
 *       text node, no indentation, no XML declaration;
 *   <li>every cAURI with an integer priority and renewalOnly; clientAuthentication only 1, 2, 4 or
 *       8 (one other value anywhere makes cepces refuse the whole policy: such a URI is left out);
 *   <li>templates in the view's order (sorted by cn in ldap-policy): Samba re-enrolls when the
 *       order changes.
 * </ul>
 */
public final class GetPoliciesResponseWriter {

    private static final Logger LOG = System.getLogger("org.cews.cep");
    private static final Set<Integer> CLIENT_AUTHENTICATIONS = Set.of(1, 2, 4, 8);

    private GetPoliciesResponseWriter() {}

    /** The GetPoliciesResponse element, UTF-8, declaring its own namespaces. */
    public static byte[] write(XcepAnswer answer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter w = StaxFactories.output().createXMLStreamWriter(out, "UTF-8");
            new Run(w, answer).response();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to memory failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** One response being written. */
    private static final class Run {
        private final XMLStreamWriter w;
        private final XcepAnswer answer;
        private final ResponseOids oids;

        Run(XMLStreamWriter w, XcepAnswer answer) {
            this.w = w;
            this.answer = answer;
            this.oids = new ResponseOids(answer.view(), answer.language());
        }

        /** 3.1.4.1.2.2: response, cAs, oIDs. */
        void response() throws XMLStreamException {
            w.writeStartElement("", "GetPoliciesResponse", Xcep.NS);
            w.writeDefaultNamespace(Xcep.NS);
            w.writeNamespace("xsi", Soap12.XSI_NS);
            boolean full = !answer.policiesNotChanged();
            List<CaEntry> cas = full ? usableCas() : List.of();
            Set<Integer> caIds = new LinkedHashSet<>();
            cas.forEach(c -> caIds.add(c.referenceId()));
            List<PolicyEntry> policies = full ? offered() : List.of();
            start("response");
            text("policyID", answer.view().policyId());
            nillableText("policyFriendlyName", answer.view().friendlyName());
            nillable("nextUpdateHours", answer.nextUpdateHours());
            if (answer.policiesNotChanged()) {
                text("policiesNotChanged", "true");
            } else {
                nil("policiesNotChanged");
            }
            if (policies.isEmpty()) {
                nil("policies");
            } else {
                // Written before the oIDs: the policies' wire form adds the OIDs only it refers to.
                start("policies");
                for (PolicyEntry p : policies) {
                    policy(p, caIds);
                }
                end();
            }
            end();
            if (cas.isEmpty()) {
                nil("cAs");
            } else {
                start("cAs");
                for (CaEntry ca : cas) {
                    ca(ca);
                }
                end();
            }
            List<OidEntry> all = full ? oids.all() : List.of();
            if (all.isEmpty()) {
                nil("oIDs");
            } else {
                start("oIDs");
                for (OidEntry oid : all) {
                    oid(oid);
                }
                end();
            }
            end();
        }

        /** The view's policies that have a template OID (policyOIDReference is required, 3.1.4.1.3.7). */
        private List<PolicyEntry> offered() {
            List<PolicyEntry> offered = new ArrayList<>();
            for (PolicyEntry p : answer.view().policies()) {
                if (p.oidReference().isPresent()) {
                    offered.add(p);
                } else {
                    LOG.log(Level.WARNING, () -> CepMessages.CEP0304.format(p.name()));
                }
            }
            return offered;
        }

        /** The CAs with at least one URI whose clientAuthentication is 1, 2, 4 or 8. */
        private List<CaEntry> usableCas() {
            List<CaEntry> usable = new ArrayList<>();
            for (CaEntry ca : answer.cas()) {
                if (ca.uris().stream().anyMatch(Run::validAuthentication)) {
                    usable.add(ca);
                }
            }
            return usable;
        }

        private static boolean validAuthentication(EnrollmentServer uri) {
            return CLIENT_AUTHENTICATIONS.contains(uri.authentication().code());
        }

        /** 3.1.4.1.3.7 CertificateEnrollmentPolicy. */
        private void policy(PolicyEntry p, Set<Integer> caIds) throws XMLStreamException {
            start("policy");
            number("policyOIDReference", p.oidReference().getAsInt());
            List<Integer> refs =
                    p.caReferences().stream().filter(caIds::contains).toList();
            if (refs.isEmpty()) {
                nil("cAs");
            } else {
                start("cAs");
                for (int ref : refs) {
                    number("cAReference", ref);
                }
                end();
            }
            attributes(p);
            end();
        }

        /** 3.1.4.1.3.1 Attributes. */
        private void attributes(PolicyEntry p) throws XMLStreamException {
            CertificateTemplate t = p.template();
            start("attributes");
            text("commonName", t.cn());
            number("policySchema", t.schemaVersion());
            start("certificateValidity");
            number("validityPeriodSeconds", t.validityPeriod().getSeconds());
            number("renewalPeriodSeconds", t.renewalPeriod().getSeconds());
            end();
            start("permission");
            bool("enroll", p.permission().enroll());
            bool("autoEnroll", p.permission().autoEnroll());
            end();
            privateKeyAttributes(t);
            start("revision");
            number("majorRevision", t.majorRevision());
            number("minorRevision", t.minorRevision());
            end();
            if (t.supersededTemplates().isEmpty()) {
                nil("supersededPolicies");
            } else {
                start("supersededPolicies");
                for (String cn : t.supersededTemplates()) {
                    text("commonName", cn);
                }
                end();
            }
            unsigned("privateKeyFlags", t.privateKeyFlags().value());
            unsigned("subjectNameFlags", t.nameFlags().value());
            unsigned("enrollmentFlags", t.enrollmentFlags().value());
            unsigned("generalFlags", t.generalFlags().value());
            nillable("hashAlgorithmOIDReference", TemplateWireForm.hashAlgorithm(t, oids));
            raRequirements(t.raRequirements());
            Optional<int[]> archival = TemplateWireForm.keyArchival(t, oids);
            if (archival.isPresent()) {
                start("keyArchivalAttributes");
                number("symmetricAlgorithmOIDReference", archival.get()[0]);
                number("symmetricAlgorithmKeyLength", archival.get()[1]);
                end();
            } else {
                nil("keyArchivalAttributes");
            }
            extensions(t);
            end();
        }

        /** 3.1.4.1.3.20 PrivateKeyAttributes. */
        private void privateKeyAttributes(CertificateTemplate t) throws XMLStreamException {
            start("privateKeyAttributes");
            number("minimalKeyLength", t.minimalKeySize());
            nillable(
                    "keySpec",
                    t.keySpec().map(KeySpec::code).map(OptionalInt::of).orElse(OptionalInt.empty()));
            OptionalLong keyUsage = TemplateWireForm.keyUsageProperty(t);
            if (keyUsage.isPresent()) {
                number("keyUsageProperty", keyUsage.getAsLong());
            } else {
                nil("keyUsageProperty");
            }
            nillableText("permissions", TemplateWireForm.keyPermissions(t));
            nillable("algorithmOIDReference", TemplateWireForm.keyAlgorithm(t, oids));
            if (t.cryptoProviders().isEmpty()) {
                nil("cryptoProviders");
            } else {
                start("cryptoProviders");
                for (String name : t.cryptoProviderNames()) {
                    text("provider", name);
                }
                end();
            }
            end();
        }

        /** 3.1.4.1.3.21 RARequirements: nil when no RA signature is required. */
        private void raRequirements(RaRequirements ra) throws XMLStreamException {
            if (ra.signatures() < 1) {
                nil("rARequirements");
                return;
            }
            start("rARequirements");
            number("rASignatures", ra.signatures());
            references("rAEKUs", ra.applicationPolicies().raApplicationPolicies(), OidGroup.EKU);
            references("rAPolicies", ra.issuancePolicies(), OidGroup.CERTIFICATE_POLICY);
            end();
        }

        /** 3.1.4.1.3.18 OIDReferenceCollection, nil when empty. */
        private void references(String name, List<Oid> list, OidGroup group) throws XMLStreamException {
            if (list.isEmpty()) {
                nil(name);
                return;
            }
            start(name);
            for (Oid oid : list) {
                number("oIDReference", oids.reference(oid, group));
            }
            end();
        }

        /** 3.1.4.1.3.13 ExtensionCollection. */
        private void extensions(CertificateTemplate t) throws XMLStreamException {
            List<TemplateWireForm.Extension> extensions = TemplateWireForm.extensions(t);
            start("extensions");
            for (TemplateWireForm.Extension e : extensions) {
                start("extension");
                number("oIDReference", oids.reference(e.oid(), OidGroup.EXTENSION_OR_ATTRIBUTE));
                bool("critical", e.critical());
                text("value", Base64.getEncoder().encodeToString(e.value()));
                end();
            }
            end();
        }

        /** 3.1.4.1.3.2 CA with its 3.1.4.1.3.5 CAURIs. */
        private void ca(CaEntry ca) throws XMLStreamException {
            start("cA");
            start("uris");
            for (EnrollmentServer uri : ca.uris()) {
                if (!validAuthentication(uri)) {
                    LOG.log(
                            Level.WARNING,
                            () -> CepMessages.CEP0305.format(
                                    uri.uri(), ca.name(), uri.authentication().code()));
                    continue;
                }
                start("cAURI");
                number("clientAuthentication", uri.authentication().code());
                text("uri", uri.uri().toString());
                number("priority", uri.priority());
                bool("renewalOnly", uri.renewalOnly());
                end();
            }
            end();
            text("certificate", Base64.getEncoder().encodeToString(ca.certificate()));
            bool("enrollPermission", ca.enrollPermission());
            number("cAReferenceID", ca.referenceId());
            end();
        }

        /** 3.1.4.1.3.16 OID. */
        private void oid(OidEntry oid) throws XMLStreamException {
            start("oID");
            text("value", oid.oid().value());
            number("group", oid.group().code());
            number("oIDReferenceID", oid.referenceId());
            nillableText("defaultName", oid.defaultName());
            end();
        }

        private void start(String name) throws XMLStreamException {
            w.writeStartElement("", name, Xcep.NS);
        }

        private void end() throws XMLStreamException {
            w.writeEndElement();
        }

        private void text(String name, String value) throws XMLStreamException {
            start(name);
            w.writeCharacters(value);
            end();
        }

        private void number(String name, long value) throws XMLStreamException {
            text(name, Long.toString(value));
        }

        private void unsigned(String name, int value) throws XMLStreamException {
            text(name, Integer.toUnsignedString(value));
        }

        private void bool(String name, boolean value) throws XMLStreamException {
            text(name, value ? "true" : "false");
        }

        private void nil(String name) throws XMLStreamException {
            w.writeEmptyElement("", name, Xcep.NS);
            w.writeAttribute("xsi", Soap12.XSI_NS, "nil", "true");
        }

        private void nillable(String name, OptionalInt value) throws XMLStreamException {
            if (value.isPresent()) {
                number(name, value.getAsInt());
            } else {
                nil(name);
            }
        }

        private void nillableText(String name, Optional<String> value) throws XMLStreamException {
            if (value.isPresent()) {
                text(name, value.get());
            } else {
                nil(name);
            }
        }
    }
}
