package org.abusedesk.console.pages;

import java.util.Map;
import java.util.Objects;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.Person;

/**
 * What every page's frame shows around its content: the words of its language, the person signed in, the link to
 * the same page in the other language, and the CSRF token its forms carry.
 *
 * @param section which part of the navigation the page belongs to ({@code overview}, {@code cases} ...)
 */
public record Frame(PageText t, Person person, String csrf, String title, String section, String otherLanguageUrl) {

    public Frame {
        Objects.requireNonNull(t, "t == null");
        Objects.requireNonNull(person, "person == null");
        Objects.requireNonNull(csrf, "csrf == null");
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(section, "section == null");
        Objects.requireNonNull(otherLanguageUrl, "otherLanguageUrl == null");
    }

    /** The frame of a page answering the request. */
    static Frame of(ConsoleRequest request, String title, String section) {
        var t = PageText.of(request.language());
        // A POST is not repeated by a link: its other language is the page the form was on.
        String path = request.isPost()
                ? request.path().replaceFirst("/(resolve|dismiss|followup|note|status)$", "")
                : request.path();
        var query = request.isPost() ? Map.<String, String>of() : request.query();
        return new Frame(
                t,
                request.person(),
                request.csrfToken(),
                title,
                section,
                Links.with(path, query, Map.of("lang", t.otherCode())));
    }

    public boolean canWrite() {
        return person.canWrite();
    }

    /** {@code page} for the navigation link of the page's own section, else null (no attribute). */
    public String current(String name) {
        return section.equals(name) ? "page" : null;
    }
}
