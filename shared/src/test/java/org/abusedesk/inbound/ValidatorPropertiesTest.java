package org.abusedesk.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.RequestFields;

/**
 * Properties over generated input: the resolution profile resolves a Mailing ID its pattern allows, or none, from
 * any header value; the validators never throw anything but their documented exception and accept what they
 * should.
 */
class ValidatorPropertiesTest {

    private static final MailReader READER = Fixtures.reader();
    private static final String MAIL = new String(Fixtures.mail("attached-message.eml"), StandardCharsets.UTF_8);
    private static final Pattern DEFAULT_ID = Pattern.compile("[0-9]{1,64}");

    @Property(tries = 300)
    void anyXMailingValue_resolvesToAnIdThePatternAllows_orToNone(@ForAll("headerValues") String value) {
        var mail = MAIL.replace("X-Mailing: 14141611", "X-Mailing: " + value)
                .replace("X-Client: 121070", "X-Client: " + value);

        var reading = READER.read(mail.getBytes(StandardCharsets.UTF_8));

        assertThat(reading.reports()).isNotEmpty();
        for (var report : reading.reports()) {
            report.resolution().mailingId().ifPresent(id -> {
                assertThat(id).matches(DEFAULT_ID);
                // The ID is one the mail holds, never made up.
                assertThat(mail).contains(id);
            });
        }
    }

    @Property(tries = 300)
    void aValueOfDigitsOnly_isTheMailingId(@ForAll("ids") String id) {
        var mail = MAIL.replace("X-Mailing: 14141611", "X-Mailing: " + id);

        var reading = READER.read(mail.getBytes(StandardCharsets.UTF_8));

        assertThat(reading.reports().get(0).resolution().mailingId()).contains(id);
    }

    @Property(tries = 500)
    void mailingIdFormat_matchesOrNot_butNeverThrows(@ForAll String candidate) {
        boolean matches = MailingIdFormat.DEFAULT.matches(candidate);

        assertThat(matches).isEqualTo(candidate.matches(MailingIdFormat.DEFAULT_PATTERN));
        assertThat(MailingIdFormat.withoutLabel(candidate)).isNotNull();
    }

    @Property(tries = 300)
    void mailingIdFormat_takesTheIdWithoutItsPastedLabel(@ForAll("ids") String id, @ForAll("labels") String label) {
        assertThat(MailingIdFormat.withoutLabel(label + id)).isEqualTo(id);
        assertThat(MailingIdFormat.DEFAULT.matches(MailingIdFormat.withoutLabel(label + id)))
                .isTrue();
    }

    @Property(tries = 300)
    void anyRegex_isAFormat_orAnIllegalArgument(@ForAll @StringLength(max = 20) String regex) {
        try {
            assertThat(MailingIdFormat.of(regex).pattern()).isEqualTo(regex);
        } catch (IllegalArgumentException expected) {
            assertThat(expected).hasMessageStartingWith("not a regular expression for Mailing IDs");
        }
    }

    @Property(tries = 500)
    void mailingId_isValid_orAnIllegalArgument(@ForAll String value) {
        try {
            assertThat(new MailingId(value).value()).isEqualTo(value);
        } catch (IllegalArgumentException expected) {
            // the documented refusal
        }
    }

    @Property(tries = 500)
    void requestFields_returnASingleLine_orNameTheField(@ForAll String value, @ForAll("maxChars") int maxChars) {
        var fields = new RequestFields();

        String text = fields.required("note", value, maxChars);

        if (text == null) {
            assertThat(fields.errors())
                    .singleElement()
                    .extracting(FieldError::field)
                    .isEqualTo("note");
        } else {
            assertThat(fields.errors()).isEmpty();
            assertThat(text).isEqualTo(text.strip()).isNotEmpty().hasSizeLessThanOrEqualTo(maxChars);
            assertThat(text.codePoints()).noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
        }
    }

    @Property(tries = 300)
    void requestFields_acceptPlainText_withinItsLimit(@ForAll("plainText") String value) {
        var fields = new RequestFields();

        assertThat(fields.required("note", value, 200)).isEqualTo(value.strip());
        fields.throwIfAny();
    }

    @Property(tries = 200)
    void requestFields_throwOnlyTheDocumentedException(@ForAll String value) {
        var fields = new RequestFields();
        fields.required("note", value, 10);
        fields.optional("other", value, 10);
        if (fields.hasErrors()) {
            assertThatThrownBy(fields::throwIfAny).isInstanceOf(org.abusedesk.request.InvalidRequestException.class);
        } else {
            fields.throwIfAny();
        }
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(120).filter(v -> v.indexOf('\r') < 0 && v.indexOf('\n') < 0),
                Arbitraries.strings().withChars("0123456789<> \t-x:").ofMaxLength(80),
                Arbitraries.strings().numeric().ofMinLength(60).ofMaxLength(80));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.of("X-Mailing: ", "x-mailing-id:", "Mailing ID #", "mailing-id ", "MAILING_ID: ");
    }

    @Provide
    Arbitrary<Integer> maxChars() {
        return Arbitraries.integers().between(1, 300);
    }

    @Provide
    Arbitrary<String> plainText() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(" äöüß.,-")
                .ofMinLength(1)
                .ofMaxLength(200)
                .filter(v -> !v.isBlank());
    }
}
