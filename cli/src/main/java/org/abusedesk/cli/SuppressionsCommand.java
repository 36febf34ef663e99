package org.abusedesk.cli;

import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.abusedesk.account.AccountId;
import org.abusedesk.aws.DynamoDbAccounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code abuse-desk suppressions}: who each account must not mail again. */
@Command(
        name = "suppressions",
        mixinStandardHelpOptions = true,
        description = "Complainants an account must not mail again, by the SHA-256 of the normalised address.",
        subcommands = {SuppressionsCommand.ListCommand.class})
final class SuppressionsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists an account's suppressions.")
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        StackConnection stack;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--account-id", required = true)
        String accountId;

        @Override
        public Integer call() {
            try (var dynamoDb = stack.dynamoDb()) {
                var suppressions =
                        new DynamoDbAccounts(dynamoDb, stack.accountsTable()).of(new AccountId(accountId.strip()));
                var out = new Output(json);
                out.field("accountId", accountId.strip());
                out.list("suppressions");
                for (var suppression : suppressions) {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("addressHash", suppression.addressHash().value());
                    row.put("since", suppression.since().toString());
                    row.put("complaintId", suppression.complaintId());
                    out.row("suppressions", row);
                }
                out.print();
                return 0;
            }
        }
    }
}
