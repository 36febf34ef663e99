package org.abusedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Pattern;
import org.abusedesk.local.ProjectRoot;
import org.abusedesk.suppression.AddressHash;
import org.junit.jupiter.api.Test;

/** docs/events.md says of the address hash what {@link AddressHash} does, and links schemas that are there. */
class EventsPageTest {

    private static final Pattern SCHEMA_LINK = Pattern.compile("\\]\\((events/[A-Za-z]+\\.schema\\.json)\\)");

    @Test
    void theHashExample_isWhatTheDeskComputes_forTheAddressWrittenEitherWay() throws Exception {
        String page = Files.readString(ProjectRoot.find().resolve("docs/events.md"));
        String hash = AddressHash.of("erika.muster@example.net").value();

        assertThat(page).contains("`" + hash + "`").contains("\"addressHash\": \"" + hash + "\"");
        assertThat(AddressHash.of("  Erika.Muster@Example.NET ")).isEqualTo(AddressHash.of("erika.muster@example.net"));
        // the page's IDNA example: the domain is hashed in its ASCII form
        assertThat(page).contains("`bücher.example` becomes\n   `xn--bcher-kva.example`");
        assertThat(AddressHash.of("Jürgen@Bücher.example")).isEqualTo(AddressHash.of("jürgen@xn--bcher-kva.example"));
    }

    @Test
    void everySchemaThePageLinks_isThere() throws Exception {
        String page = Files.readString(ProjectRoot.find().resolve("docs/events.md"));
        var matcher = SCHEMA_LINK.matcher(page);
        int links = 0;
        while (matcher.find()) {
            assertThat(ProjectRoot.find().resolve("docs/" + matcher.group(1))).isRegularFile();
            links++;
        }
        // ... one link a schema in docs/events: no event is left undescribed
        try (var schemas = Files.list(ProjectRoot.find().resolve("docs/events"))) {
            assertThat(links)
                    .isEqualTo(schemas.filter(f -> f.toString().endsWith(".schema.json"))
                            .count());
        }
    }
}
