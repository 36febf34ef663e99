package org.abusedesk.console.pages;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.abusedesk.account.StatusConflictException;
import org.abusedesk.cases.CaseActionRefusedException;
import org.abusedesk.cases.CaseNotExportableException;
import org.abusedesk.cases.CaseNotFoundException;
import org.abusedesk.cases.CaseStateException;
import org.abusedesk.console.ConsolePages;
import org.abusedesk.console.ConsoleRequest;
import org.abusedesk.console.ConsoleResponse;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.request.InvalidRequestException;

/**
 * The console's pages, routed by the path below {@code /console}: a table of method, path pattern and page, read top
 * to bottom. An unknown path is answered 404, a known one asked with another method 405.
 */
public final class ConsolePageSet implements ConsolePages {

    /** A page answering a request, given the values of its pattern's {@code {}} segments, in order. */
    @FunctionalInterface
    private interface Page {
        ConsoleResponse answer(ConsoleRequest request, List<String> values);
    }

    private record Route(String method, List<String> pattern, Page page) {

        static Route of(String method, String pattern, Page page) {
            return new Route(
                    method,
                    List.of(pattern.split("/")).stream()
                            .filter(s -> !s.isEmpty())
                            .toList(),
                    page);
        }

        /** The values of the {@code {}} segments when the path matches; null when it does not. */
        List<String> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return null;
            }
            var values = new ArrayList<String>();
            for (int i = 0; i < pattern.size(); i++) {
                if (pattern.get(i).equals("{}")) {
                    values.add(segments.get(i));
                } else if (!pattern.get(i).equals(segments.get(i))) {
                    return null;
                }
            }
            return values;
        }
    }

    private final List<Route> routes;

    public ConsolePageSet(ConsoleUseCases useCases) {
        Objects.requireNonNull(useCases, "useCases == null");
        var overview = new OverviewPage(useCases);
        var queue = new QueuePage(useCases);
        var cases = new CasePages(useCases);
        var accounts = new AccountPages(useCases);
        var mailings = new MailingPage(useCases);
        var search = new SearchPage(useCases);
        var imports = new ImportPages(useCases);
        var erasure = new ErasePages(useCases);
        this.routes = List.of(
                Route.of("GET", "/", (r, v) -> overview.show(r)),
                Route.of("GET", "/cases", (r, v) -> queue.show(r)),
                Route.of("GET", "/cases/{}/{}", (r, v) -> cases.show(r, v.get(0), v.get(1))),
                Route.of("GET", "/cases/{}/{}/raw", (r, v) -> cases.raw(r, v.get(0), v.get(1))),
                Route.of("GET", "/cases/{}/{}/xarf", (r, v) -> cases.xarf(r, v.get(0), v.get(1))),
                Route.of("GET", "/cases/{}/{}/csa", (r, v) -> cases.csa(r, v.get(0), v.get(1))),
                Route.of("POST", "/cases/{}/{}/resolve", (r, v) -> cases.resolve(r, v.get(0), v.get(1))),
                Route.of("POST", "/cases/{}/{}/dismiss", (r, v) -> cases.dismiss(r, v.get(0), v.get(1))),
                Route.of("POST", "/cases/{}/{}/followup", (r, v) -> cases.followUp(r, v.get(0), v.get(1))),
                Route.of("POST", "/cases/{}/{}/note", (r, v) -> cases.note(r, v.get(0), v.get(1))),
                Route.of("GET", "/accounts/{}", (r, v) -> accounts.show(r, v.get(0))),
                Route.of("POST", "/accounts/{}/status", (r, v) -> accounts.setStatus(r, v.get(0))),
                Route.of("POST", "/accounts/{}/contact", (r, v) -> accounts.setContact(r, v.get(0))),
                Route.of("GET", "/mailings/{}", (r, v) -> mailings.show(r, v.get(0))),
                Route.of("GET", "/search", (r, v) -> search.show(r)),
                Route.of("GET", "/import", (r, v) -> imports.form(r)),
                Route.of("POST", "/import", (r, v) -> imports.upload(r)),
                Route.of("GET", "/erase", (r, v) -> erasure.form(r)),
                Route.of("POST", "/erase", (r, v) -> erasure.erase(r)));
    }

    @Override
    public ConsoleResponse answer(ConsoleRequest request) {
        var segments = decoded(request.segments());
        if (segments == null) {
            return Problems.of(request, 404, Links.overview());
        }
        var allowed = new ArrayList<String>();
        for (var route : routes) {
            var values = route.match(segments);
            if (values == null) {
                continue;
            }
            if (!route.method().equals(request.method())) {
                allowed.add(route.method());
                continue;
            }
            return answer(route, request, values);
        }
        return allowed.isEmpty() ? Problems.of(request, 404, Links.overview()) : Problems.wrongMethod(request, allowed);
    }

    /** What every page's refusals look like: the use cases' exceptions mapped to a page, once, here. */
    private static ConsoleResponse answer(Route route, ConsoleRequest request, List<String> values) {
        try {
            return route.page().answer(request, values);
        } catch (CaseNotFoundException | NoSuchPage e) {
            return Problems.of(request, 404, Links.queue());
        } catch (CaseStateException | StatusConflictException | CaseActionRefusedException e) {
            return Problems.of(request, 409, Links.path(parent(request.path())));
        } catch (CaseNotExportableException e) {
            return Problems.of(request, 422, Links.path(parent(request.path())));
        } catch (InvalidRequestException e) {
            var t = PageText.of(request.language());
            return Problems.of(request, 400, Problems.fields(t, e.errors()), Links.overview());
        } catch (InvalidCursorException e) {
            return Problems.of(request, 400, Links.path(request.path()));
        }
    }

    /** The segments percent-decoded, as API Gateway hands the raw path on; null when one cannot be decoded. */
    private static List<String> decoded(List<String> segments) {
        var decoded = new ArrayList<String>(segments.size());
        for (String segment : segments) {
            try {
                // A '+' in a path is a plus, not a space.
                decoded.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return decoded;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
