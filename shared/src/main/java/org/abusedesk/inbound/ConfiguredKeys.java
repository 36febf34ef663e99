package org.abusedesk.inbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed set of DKIM key records, for the local stack, tests and offline use. Written as entries separated by
 * newlines or {@code |}, each {@code <selector>._domainkey.<domain>=<record>}, e.g.
 * {@code s1._domainkey.example.com=v=DKIM1; k=rsa; p=MIIBIjANBg...}.
 */
public final class ConfiguredKeys implements PublicKeys {

    private final Map<String, String> records;

    private ConfiguredKeys(Map<String, String> records) {
        this.records = Map.copyOf(records);
    }

    public static ConfiguredKeys of(Map<String, String> records) {
        var lower = new LinkedHashMap<String, String>();
        records.forEach((name, record) -> lower.put(name.strip().toLowerCase(Locale.ROOT), record.strip()));
        return new ConfiguredKeys(lower);
    }

    /** Reads the written form; empty when the text holds no entry. */
    public static Optional<ConfiguredKeys> parse(String text) {
        var records = new LinkedHashMap<String, String>();
        for (String entry : text.split("[|\\n]")) {
            int eq = entry.indexOf('=');
            if (entry.isBlank()) {
                continue;
            }
            if (eq <= 0 || !entry.substring(0, eq).contains("._domainkey.")) {
                throw new IllegalArgumentException(
                        "a DKIM key entry must read <selector>._domainkey.<domain>=<record>: " + entry.strip());
            }
            records.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return records.isEmpty() ? Optional.empty() : Optional.of(of(records));
    }

    @Override
    public List<String> records(String selector, String domain, Instant deadline) {
        String record = records.get((selector + "._domainkey." + domain).toLowerCase(Locale.ROOT));
        return record == null ? List.of() : List.of(record);
    }
}
