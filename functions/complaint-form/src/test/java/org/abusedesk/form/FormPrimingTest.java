package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class FormPrimingTest {

    private final TestDesk desk = new TestDesk();

    @Test
    void primingRequests_getTheFormInBothLanguages_andTheirSubmissionsRefused_countingAndStoringNothing() {
        var responses = FormPriming.requests().stream().map(desk::send).toList();

        assertThat(responses)
                .extracting(
                        response -> response.getStatusCode(),
                        response -> response.getHeaders().get("content-type"))
                .containsExactly(
                        tuple(200, "text/html; charset=utf-8"),
                        tuple(200, "text/html; charset=utf-8"),
                        tuple(400, "application/json; charset=utf-8"),
                        tuple(400, "text/html; charset=utf-8"));
        assertThat(responses.get(1).getBody()).contains("<html lang=\"en\">");
        assertThat(desk.complaints.all()).isEmpty();
        assertThat(desk.metrics.events()).isEmpty();
        assertThat(desk.metrics.measurements()).isEmpty();
    }
}
