package org.abusedesk.console.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.abusedesk.console.ConsoleResponse;

/** The console's templates, compiled at build time: a page is rendered, never parsed, on a request. */
final class Templates {

    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.abusedesk.console.templates");

    private Templates() {}

    static ConsoleResponse page(int status, String template, Object view) {
        var out = new StringOutput();
        ENGINE.render(template, view, out);
        return ConsoleResponse.html(status, out.toString());
    }
}
