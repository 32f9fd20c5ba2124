package org.cews.ces.wstep;

/**
 * One auth:ContextItem of AdditionalContext ([MS-WSTEP] 3.1.4.1.3.3; WS-Federation authorization
 * context): {@code Name} attribute and {@code Value} text. Windows sends {@code cdc}, {@code rmd},
 * {@code ccm}; the CES forwards only names it allows (docs/WSTEP.md §3).
 */
public record ContextItem(String name, String value) {

    public ContextItem {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("a context item needs a name and a value");
        }
    }
}
