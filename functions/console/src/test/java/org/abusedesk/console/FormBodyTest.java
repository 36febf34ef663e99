package org.abusedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A POST's body is hostile: its size, its number of fields, its encoding and a repeated field are all bounded. */
class FormBodyTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aRepeatedField_cannotOverrideTheFirst_soASecondCsrfTokenChangesNothing() {
        var body = FormBody.parse(FORM, bytes("csrf=real&note=ok&csrf=forged"));

        assertThat(body.fields()).containsEntry("csrf", "real").containsEntry("note", "ok");
    }

    @Test
    void tooManyFields_aFieldTooLong_orABodyTooLong_isRefusedWhole() {
        assertThatThrownBy(() -> FormBody.parse(FORM, bytes("a=1&".repeat(FormBody.MAX_FIELDS + 1))))
                .hasMessageContaining("more than 100 fields");
        assertThatThrownBy(() -> FormBody.parse(FORM, bytes("note=" + "x".repeat(FormBody.MAX_FIELD + 1))))
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> FormBody.parse(FORM, new byte[FormBody.MAX_BODY + 1]))
                .hasMessageContaining("longer than " + FormBody.MAX_BODY);
    }

    @Test
    void aBrokenEncoding_orAnotherType_isRefused() {
        assertThatThrownBy(() -> FormBody.parse(FORM, bytes("note=%zz"))).hasMessage("the form is not url-encoded");
        assertThatThrownBy(() -> FormBody.parse("application/json", bytes("{}")))
                .hasMessage("a form is url-encoded or multipart");
        // A multipart body without parts holds no field, no CSRF token either: the gate refuses it as forged.
        assertThat(FormBody.parse("multipart/form-data; boundary=b", bytes("no parts here"))
                        .fields())
                .isEmpty();
    }

    @Test
    void aMultipartUpload_givesItsFieldsAndItsFile() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "mailingId,accountId,sentAt\r\n--b--\r\n";

        var form = FormBody.parse("multipart/form-data; boundary=b", bytes(body));

        assertThat(form.fields()).containsEntry("csrf", "token");
        assertThat(form.files().get("file").fileName()).isEqualTo("m.csv");
        assertThat(new String(form.files().get("file").content(), StandardCharsets.UTF_8))
                .isEqualTo("mailingId,accountId,sentAt");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
