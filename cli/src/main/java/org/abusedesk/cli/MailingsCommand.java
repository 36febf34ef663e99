package org.abusedesk.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.abusedesk.account.AccountId;
import org.abusedesk.aws.DynamoDbMailings;
import org.abusedesk.complaint.MailingId;
import org.abusedesk.mailing.Mailing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code abuse-desk mailings}: the mailing registry. */
@Command(
        name = "mailings",
        mixinStandardHelpOptions = true,
        description = "The mailing registry: Mailing ID → account, recipients, send time.",
        subcommands = {MailingsCommand.Put.class, MailingsCommand.Show.class})
final class MailingsCommand {

    @Command(
            name = "put",
            mixinStandardHelpOptions = true,
            description = "Registers a mailing, or updates its registration.")
    static final class Put implements Callable<Integer> {

        @Mixin
        StackConnection stack;

        @Option(names = "--mailing-id", required = true, description = "The Mailing ID from the campaign's headers.")
        String mailingId;

        @Option(names = "--account-id", required = true, description = "The sending account.")
        String accountId;

        @Option(names = "--recipients", description = "How many recipients the mailing went to.")
        Long recipients;

        @Option(names = "--sent-at", description = "When it was sent (ISO-8601, default: now).")
        Instant sentAt;

        @Option(names = "--subject", description = "Its subject.")
        String subject;

        @Option(names = "--sender", description = "Its From address.")
        String sender;

        @Override
        public Integer call() {
            var mailing = Mailing.registered(
                    new MailingId(mailingId.strip()),
                    new AccountId(accountId.strip()),
                    recipients == null ? OptionalLong.empty() : OptionalLong.of(recipients),
                    sentAt == null ? Instant.now() : sentAt,
                    Optional.ofNullable(subject),
                    Optional.ofNullable(sender));
            try (var dynamoDb = stack.dynamoDb()) {
                new DynamoDbMailings(dynamoDb, stack.mailingsTable()).register(mailing);
            }
            System.out.println("registered mailing " + mailing.id() + " of account " + mailing.accountId()
                    + (recipients == null ? " without a recipient count" : " to " + recipients + " recipients"));
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows a mailing's registration and complaint counters.")
    static final class Show implements Callable<Integer> {

        @Mixin
        StackConnection stack;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Parameters(paramLabel = "MAILING_ID")
        String mailingId;

        @Override
        public Integer call() {
            try (var dynamoDb = stack.dynamoDb()) {
                var found =
                        new DynamoDbMailings(dynamoDb, stack.mailingsTable()).find(new MailingId(mailingId.strip()));
                if (found.isEmpty()) {
                    System.err.println("mailing " + mailingId + " is not registered");
                    return 1;
                }
                var m = found.get();
                var out = new Output(json);
                out.field("mailingId", m.id().value());
                out.field("accountId", m.accountId().value());
                out.field(
                        "recipients",
                        m.recipients().isPresent() ? m.recipients().getAsLong() : null);
                out.field("sentAt", m.sentAt().toString());
                out.field("subject", m.subject().orElse(null));
                out.field("sender", m.sender().orElse(null));
                out.field("complaints", m.complaints());
                out.field("verifiedComplaints", m.verifiedComplaints());
                out.print();
                return 0;
            }
        }
    }
}
