package org.abusedesk.cli;

import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.abusedesk.account.AccountId;
import org.abusedesk.aws.DynamoDbAccounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code abuse-desk accounts}: the sending accounts as the desk sees them. */
@Command(
        name = "accounts",
        mixinStandardHelpOptions = true,
        description = "Sending accounts: status, counters, history.",
        subcommands = {AccountsCommand.Show.class})
final class AccountsCommand {

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows an account's status, counters and history.")
    static final class Show implements Callable<Integer> {

        @Mixin
        StackConnection stack;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Parameters(paramLabel = "ACCOUNT_ID")
        String accountId;

        @Override
        public Integer call() {
            try (var dynamoDb = stack.dynamoDb()) {
                var found =
                        new DynamoDbAccounts(dynamoDb, stack.accountsTable()).find(new AccountId(accountId.strip()));
                if (found.isEmpty()) {
                    System.err.println("no complaint has named account " + accountId + " yet");
                    return 1;
                }
                var account = found.get();
                var out = new Output(json);
                out.field("accountId", account.id().value());
                out.field("status", account.status().name());
                out.field("complaints", account.complaints());
                out.field("verifiedComplaints", account.verifiedComplaints());
                out.list("history");
                for (var change : account.history()) {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("at", change.at().toString());
                    row.put("from", change.from().name());
                    row.put("to", change.to().name());
                    row.put("changedBy", change.changedBy());
                    row.put("reason", change.reason());
                    row.put("ratePercent", change.statistics().ratePercent().toPlainString());
                    row.put("complaintIds", String.join(",", change.complaintIds()));
                    out.row("history", row);
                }
                out.print();
                return 0;
            }
        }
    }
}
