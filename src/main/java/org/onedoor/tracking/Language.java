package org.onedoor.tracking;

import java.util.Locale;

import org.onedoor.catalogue.LocalizedName;

/** The languages citizens read OneDoor in: English and Bangla, as ODSC counters print both. */
public enum Language {
    en, bn;

    /** {@code ?lang=bn} if given, else the browser's first choice of the two, else English. */
    public static Language of(String lang, String acceptLanguage) {
        if (lang != null) {
            return "bn".equalsIgnoreCase(lang.trim()) ? bn : en;
        }
        if (acceptLanguage != null) {
            for (String range : acceptLanguage.split(",")) {
                String tag = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (tag.startsWith("bn")) {
                    return bn;
                }
                if (tag.startsWith("en")) {
                    return en;
                }
            }
        }
        return en;
    }

    public String pick(LocalizedName name) {
        return name == null ? null : this == bn ? name.bn() : name.en();
    }
}
