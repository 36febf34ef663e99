package org.abusedesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.abusedesk.complaint.Language;
import org.abusedesk.request.FieldError;
import org.abusedesk.request.InvalidRequestException;
import org.abusedesk.request.RequestFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetAccountContactTest {

    private static final AccountId ACCOUNT = new AccountId("121070");

    private final InMemoryAccountContacts contacts = new InMemoryAccountContacts();
    private final SetAccountContact setContact = new SetAccountContact(contacts);

    @Test
    void set_storesTheContact_strippedWithTheLanguageCaseIgnored() {
        var contact =
                setContact.set(new AccountContactRequest(" 121070 ", " owner@shop.example ", " Shop GmbH ", "DE"));

        assertThat(contact).isEqualTo(new AccountContact("owner@shop.example", "Shop GmbH", Language.DE));
        assertThat(contacts.find(ACCOUNT)).contains(contact);
    }

    @Test
    void set_replacesTheContactBefore() {
        setContact.set(new AccountContactRequest("121070", "owner@shop.example", "Shop GmbH", "de"));

        setContact.set(new AccountContactRequest("121070", "abuse@shop.example", "Shop Abuse", "en"));

        assertThat(contacts.find(ACCOUNT))
                .contains(new AccountContact("abuse@shop.example", "Shop Abuse", Language.EN));
    }

    @Test
    void set_aHeaderInjectionInTheAddress_isRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> setContact.set(
                        new AccountContactRequest("121070", "a@b.example\r\nBcc: x@y", "Shop GmbH", "de")))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).errors())
                .isEqualTo(List.of(new FieldError("email", RequestFields.NOT_SINGLE_LINE)));
        assertThat(contacts.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shop GmbH <owner@shop.example>", "\"Shop\" <owner@shop.example>", "<owner@shop.example>"})
    void set_anAddressWithADisplayName_isRefused(String email) {
        assertThat(errors(new AccountContactRequest("121070", email, "Shop GmbH", "de")))
                .containsExactly(new FieldError("email", ContactAddress.DISPLAY_NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner@shop.example, x@y.example", "owner@shop.example; x@y.example", "team: a@b.example;"})
    void set_twoAddressesOrAGroup_areRefused(String email) {
        assertThat(errors(new AccountContactRequest("121070", email, "Shop GmbH", "de")))
                .containsExactly(new FieldError("email", ContactAddress.NOT_ONE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "owner",
                "owner@localhost",
                "owner@[192.0.2.1]",
                "\"o w\"@shop.example",
                "owner@shop.example (Shop)",
                "owner @shop.example",
                "@a.example:owner@shop.example",
                ".owner@shop.example",
                "owner@shop..example"
            })
    void set_whatIsNoBareMailboxAddress_isRefused(String email) {
        var errors = errors(new AccountContactRequest("121070", email, "Shop GmbH", "de"));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo("email");
    }

    @Test
    void set_anAddressOver254Chars_isRefusedBeforeItIsParsed() {
        String email = "a".repeat(64) + "@" + "b".repeat(186) + ".example";

        assertThat(errors(new AccountContactRequest("121070", email, "Shop GmbH", "de")))
                .containsExactly(new FieldError("email", "must be at most 254 characters"));
    }

    @Test
    void set_aNameWithALineBreak_isRefused() {
        assertThat(errors(new AccountContactRequest("121070", "owner@shop.example", "Shop\nBcc: x@y", "de")))
                .containsExactly(new FieldError("name", RequestFields.NOT_SINGLE_LINE));
    }

    @Test
    void set_aNameOver200Chars_isRefused_200AreTaken() {
        assertThat(errors(new AccountContactRequest("121070", "owner@shop.example", "n".repeat(201), "de")))
                .containsExactly(new FieldError("name", "must be at most 200 characters"));
        assertThat(setContact
                        .set(new AccountContactRequest("121070", "owner@shop.example", "n".repeat(200), "de"))
                        .name())
                .hasSize(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "de-AT", "deutsch"})
    void set_aLanguageOtherThanDeOrEn_isRefused(String language) {
        assertThat(errors(new AccountContactRequest("121070", "owner@shop.example", "Shop GmbH", language)))
                .containsExactly(new FieldError("language", ContactValidator.NOT_A_LANGUAGE));
    }

    @Test
    void set_withEveryFieldMissing_namesEachOfThem() {
        assertThat(errors(new AccountContactRequest(null, " ", "", null)))
                .containsExactly(
                        new FieldError("accountId", RequestFields.REQUIRED),
                        new FieldError("email", RequestFields.REQUIRED),
                        new FieldError("name", RequestFields.REQUIRED),
                        new FieldError("language", RequestFields.REQUIRED));
    }

    @Test
    void aContact_showsNoAddressOrNameWhenLogged() {
        var contact = setContact.set(new AccountContactRequest("121070", "owner@shop.example", "Shop GmbH", "de"));

        assertThat(contact.toString()).isEqualTo("AccountContact[DE]");
    }

    @Test
    void show_givesTheContactOrEmpty_andABlankIdIsRefused() {
        var show = new ShowAccountContact(contacts);
        setContact.set(new AccountContactRequest("121070", "owner@shop.example", "Shop GmbH", "de"));

        assertThat(show.show("121070")).contains(new AccountContact("owner@shop.example", "Shop GmbH", Language.DE));
        assertThat(show.show("999999")).isEmpty();
        assertThatThrownBy(() -> show.show(" ")).isInstanceOf(InvalidRequestException.class);
    }

    private List<FieldError> errors(AccountContactRequest request) {
        try {
            setContact.set(request);
        } catch (InvalidRequestException e) {
            assertThat(contacts.all()).isEmpty();
            return e.errors();
        }
        throw new AssertionError("accepted: " + request);
    }
}
