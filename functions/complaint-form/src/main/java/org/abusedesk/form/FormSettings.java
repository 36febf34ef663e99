package org.abusedesk.form;

import java.util.Objects;
import org.abusedesk.intake.SourceLimit;

/**
 * What the form's pages tell people about the desk's configuration.
 *
 * @param abuseAddress where mail can be forwarded instead of filling in the form
 * @param retentionDays after how many days a complainant's data is deleted
 * @param sourceLimit how many complaints one source may send, for the page that explains a 429
 */
public record FormSettings(String abuseAddress, int retentionDays, SourceLimit sourceLimit) {

    public FormSettings {
        Objects.requireNonNull(abuseAddress, "abuseAddress == null");
        Objects.requireNonNull(sourceLimit, "sourceLimit == null");
    }
}
