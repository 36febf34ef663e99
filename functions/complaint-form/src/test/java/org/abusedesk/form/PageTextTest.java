package org.abusedesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.abusedesk.complaint.Language;
import org.abusedesk.intake.Problem;
import org.junit.jupiter.api.Test;

class PageTextTest {

    @Test
    void bothLanguages_haveTheSameTexts() {
        assertThat(PageText.of(Language.EN).keys())
                .isEqualTo(PageText.of(Language.DE).keys());
    }

    @Test
    void everyProblemAFieldCanHave_hasItsText() {
        var problems = Map.of(
                "mailingId",
                        List.of(
                                Problem.REQUIRED,
                                Problem.TOO_LONG,
                                Problem.NOT_SINGLE_LINE,
                                Problem.INVALID_MAILING_ID),
                "email", List.of(Problem.REQUIRED, Problem.TOO_LONG, Problem.NOT_SINGLE_LINE, Problem.INVALID_EMAIL),
                "message", List.of(Problem.REQUIRED, Problem.TOO_LONG),
                "name", List.of(Problem.TOO_LONG, Problem.NOT_SINGLE_LINE),
                "salutation", List.of(Problem.UNKNOWN_SALUTATION));
        for (Language language : Language.values()) {
            problems.forEach((field, list) -> list.forEach(problem -> assertThat(
                            PageText.of(language).get("error." + field + "." + problem.name(), 5))
                    .isNotBlank()));
        }
    }

    @Test
    void get_fillsInTheArguments() {
        assertThat(PageText.of(Language.EN).get("error.name.TOO_LONG", 200))
                .isEqualTo("The name must be at most 200 characters long.");
        assertThat(PageText.of(Language.DE).get("privacy", 180))
                .isEqualTo(
                        "Wir verwenden Ihre Angaben nur, um Ihre Beschwerde zu bearbeiten, und löschen sie nach 180 Tagen.");
    }
}
