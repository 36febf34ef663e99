package org.abusedesk.admin.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.ComplaintStatistics;
import org.abusedesk.account.InMemoryAccountContacts;
import org.abusedesk.account.InMemoryAccounts;
import org.abusedesk.account.SetAccountContact;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.account.ShowAccountContact;
import org.abusedesk.cases.AbuseDeskContact;
import org.abusedesk.cases.CaseFixtures;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.EraseComplainant;
import org.abusedesk.cases.ExportCase;
import org.abusedesk.cases.InMemoryCases;
import org.abusedesk.cases.InMemoryStoredEvidence;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.ViewCase;
import org.abusedesk.complaint.InMemoryComplaints;
import org.abusedesk.complaint.MailingIdFormat;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.processing.EvidenceLinks;
import org.abusedesk.registration.ImportAccountContacts;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.InMemoryMailings;
import org.abusedesk.registration.RegisterMailing;
import org.abusedesk.registration.ShowMailing;
import org.abusedesk.suppression.ListSuppressions;
import org.abusedesk.testkit.RecordingCheckpoints;

/** The admin API over in-memory stores, and API Gateway's events for it as the JWT authorizer passes them on. */
final class InMemoryAdminApi {

    static final List<String> READ = List.of("abuse-desk/read");
    static final List<String> WRITE = List.of("abuse-desk/write");
    static final ComplaintStatistics STATISTICS = new ComplaintStatistics(3, 1, 1_000, 0);

    final InMemoryMailings mailings = new InMemoryMailings();
    final InMemoryComplaints complaints = new InMemoryComplaints();
    final InMemoryCases cases = new InMemoryCases(complaints);
    final InMemoryAccounts accounts = new InMemoryAccounts();
    final InMemoryAccountContacts contacts = new InMemoryAccountContacts();
    final InMemoryStoredEvidence evidence = new InMemoryStoredEvidence();
    final AdminApiHandler handler;

    InMemoryAdminApi() {
        var clock = Clock.fixed(CaseFixtures.NOW, ZoneOffset.UTC);
        // A link for every complaint with stored, unquarantined mail, as the S3 adapter gives one.
        EvidenceLinks links = complaint -> complaint
                .attribution()
                .provenance()
                .filter(p -> !p.quarantined())
                .flatMap(p -> p.evidence())
                .map(location ->
                        URI.create("https://evidence.example/" + complaint.id().value()));
        this.handler = new AdminApiHandler(
                new AdminApiWiring(
                        new ShowMailing(mailings),
                        new RegisterMailing(mailings, MailingIdFormat.DEFAULT),
                        new ImportMailings(mailings, MailingIdFormat.DEFAULT),
                        new ListCases(cases, clock),
                        new ViewCase(cases, links, clock),
                        new CloseCase(cases, clock),
                        new ExportCase(
                                cases,
                                mailings,
                                evidence,
                                InboundLimits.DEFAULT,
                                ResolutionProfile.DEFAULT,
                                AbuseDeskContact.of("Example ESP GmbH", "abuse@mail.example.com"),
                                clock),
                        new EraseComplainant(cases, cases, evidence, accounts, clock),
                        new ShowAccount(accounts),
                        new ChangeAccountStatus(accounts, (id, now) -> STATISTICS, clock),
                        new ListSuppressions(accounts),
                        new ShowAccountContact(contacts),
                        new SetAccountContact(contacts),
                        new ImportAccountContacts(contacts)),
                new RecordingCheckpoints());
    }

    APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> path, List<String> scopes, String body) {
        return handler.handleRequest(event(routeKey, path, Map.of(), scopes, body, "application/json"), null);
    }

    APIGatewayV2HTTPResponse get(String routeKey, Map<String, String> path, Map<String, String> query) {
        return handler.handleRequest(event(routeKey, path, query, READ, null, null), null);
    }

    APIGatewayV2HTTPResponse importCsv(String csv, String contentType) {
        return importCsv(csv, contentType, Map.of());
    }

    APIGatewayV2HTTPResponse importContacts(String csv, String contentType, List<String> scopes) {
        return handler.handleRequest(
                event("POST /admin/accounts/contacts", Map.of(), Map.of(), scopes, csv, contentType), null);
    }

    APIGatewayV2HTTPResponse importCsv(String csv, String contentType, Map<String, String> query) {
        return handler.handleRequest(
                event("POST /admin/mailings/import", Map.of(), query, WRITE, csv, contentType), null);
    }

    /** An event as HTTP API passes it on: the claims of a user pool's user named erika, and the token's scopes. */
    static APIGatewayV2HTTPEvent event(
            String routeKey,
            Map<String, String> path,
            Map<String, String> query,
            List<String> scopes,
            String body,
            String contentType) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withPathParameters(path)
                .withQueryStringParameters(query)
                .withHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(Map.of("sub", "erika", "client_id", "cli"))
                                        .withScopes(scopes)
                                        .build())
                                .build())
                        .build())
                .build();
    }
}
