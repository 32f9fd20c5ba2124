package org.cews.cep.xcep;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Windows language identifier (LCID, [MS-LCID] 2.2) of a GetPolicies preferredLanguage
 * (xs:language, an RFC 5646 tag; [MS-XCEP] 3.1.4.1.3.9), for the localized names AD keeps in
 * msPKI-OIDLocalizedName as {@code <LCID>,<name>}. Only the languages listed here are recognised;
 * any other tag gets the default names, as [MS-XCEP] 3.1.4.1.3.9 prescribes for a language not in
 * SupportedLanguages.
 */
final class Languages {

    private static final Map<String, Integer> LCIDS = Map.ofEntries(
            Map.entry("en-us", 1033),
            Map.entry("en-gb", 2057),
            Map.entry("de-de", 1031),
            Map.entry("fr-fr", 1036),
            Map.entry("es-es", 3082),
            Map.entry("it-it", 1040),
            Map.entry("nl-nl", 1043),
            Map.entry("pt-br", 1046),
            Map.entry("pt-pt", 2070),
            Map.entry("sv-se", 1053),
            Map.entry("da-dk", 1030),
            Map.entry("fi-fi", 1035),
            Map.entry("nb-no", 1044),
            Map.entry("pl-pl", 1045),
            Map.entry("cs-cz", 1029),
            Map.entry("hu-hu", 1038),
            Map.entry("ru-ru", 1049),
            Map.entry("tr-tr", 1055),
            Map.entry("ja-jp", 1041),
            Map.entry("ko-kr", 1042),
            Map.entry("zh-cn", 2052),
            Map.entry("zh-tw", 1028));

    /** A bare language picks its main region, as Windows' neutral-to-specific mapping does. */
    private static final Map<String, String> DEFAULT_REGION = Map.ofEntries(
            Map.entry("en", "en-us"),
            Map.entry("de", "de-de"),
            Map.entry("fr", "fr-fr"),
            Map.entry("es", "es-es"),
            Map.entry("it", "it-it"),
            Map.entry("nl", "nl-nl"),
            Map.entry("pt", "pt-br"),
            Map.entry("sv", "sv-se"),
            Map.entry("da", "da-dk"),
            Map.entry("fi", "fi-fi"),
            Map.entry("nb", "nb-no"),
            Map.entry("pl", "pl-pl"),
            Map.entry("cs", "cs-cz"),
            Map.entry("hu", "hu-hu"),
            Map.entry("ru", "ru-ru"),
            Map.entry("tr", "tr-tr"),
            Map.entry("ja", "ja-jp"),
            Map.entry("ko", "ko-kr"),
            Map.entry("zh", "zh-cn"));

    private Languages() {}

    static OptionalInt lcid(Optional<String> languageTag) {
        if (languageTag.isEmpty()) {
            return OptionalInt.empty();
        }
        String tag = languageTag.get().trim().replace('_', '-').toLowerCase(Locale.ROOT);
        Integer lcid = LCIDS.get(tag);
        if (lcid == null) {
            int dash = tag.indexOf('-');
            lcid = LCIDS.get(DEFAULT_REGION.getOrDefault(dash < 0 ? tag : tag.substring(0, dash), ""));
        }
        return lcid == null ? OptionalInt.empty() : OptionalInt.of(lcid);
    }
}
