package org.cews.wcce.msrpce;

import java.util.List;

/**
 * One presentation context proposed in a bind or alter_context (p_cont_elem_t, C706 12.6.3.1):
 *
 * <pre>
 *   p_cont_id u16, n_transfer_syn u8, reserved u8, abstract_syntax (20), transfer_syntaxes[n] (20 each)
 * </pre>
 */
public record PresentationContext(int contextId, SyntaxId abstractSyntax, List<SyntaxId> transferSyntaxes) {

    public PresentationContext {
        if (contextId < 0 || contextId > 0xFFFF) {
            throw new IllegalArgumentException("p_cont_id is a u16 (actual: " + contextId + ")");
        }
        if (transferSyntaxes.isEmpty() || transferSyntaxes.size() > 0xFF) {
            throw new IllegalArgumentException("n_transfer_syn is 1..255 (actual: " + transferSyntaxes.size() + ")");
        }
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    /** The only proposal this connector makes: {@code abstractSyntax} over NDR 2.0. */
    public static PresentationContext ndr20(int contextId, SyntaxId abstractSyntax) {
        return new PresentationContext(contextId, abstractSyntax, List.of(SyntaxId.NDR20));
    }
}
