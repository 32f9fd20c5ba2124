package org.cews.ces.pki;

import java.util.Optional;
import org.cews.wcce.api.RequestFormat;

/**
 * A certificate request after {@link RequestInspector} looked at it, without Bouncy Castle types:
 * its format and bytes (what goes to the CA), the template it names, the size of its key and, for
 * a renewal, the verified certificate being renewed.
 */
public record InspectedRequest(
        RequestFormat format,
        byte[] der,
        Optional<TemplateReference> template,
        int keyBits,
        Optional<Renewal> renewal) {

    public InspectedRequest {
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }
}
