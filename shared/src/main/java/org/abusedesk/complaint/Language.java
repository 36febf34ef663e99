package org.abusedesk.complaint;

import java.util.Locale;

/** The language the desk answers a complainant in: German first, English too. */
public enum Language {
    DE,
    EN;

    public Locale locale() {
        return this == DE ? Locale.GERMAN : Locale.ENGLISH;
    }
}
