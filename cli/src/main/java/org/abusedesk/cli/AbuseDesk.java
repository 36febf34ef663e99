package org.abusedesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code abuse-desk} command. */
@Command(
        name = "abuse-desk",
        mixinStandardHelpOptions = true,
        version = "abuse-desk 0.1.0",
        description = "Abuse and spam complaint desk for e-mail service providers.",
        subcommands = {
            LocalCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            MailingsCommand.class,
            ComplaintsCommand.class,
            AccountsCommand.class,
            SuppressionsCommand.class,
            EraseCommand.class,
            ExportCommand.class,
            ReconcileCommand.class,
            ParseCommand.class,
            WebhooksCommand.class,
            EventsCommand.class
        })
public final class AbuseDesk implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The functions log JSON for CloudWatch; at a terminal short lines read better. Set before any logger exists.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-cli.xml");
        }
        System.exit(new CommandLine(new AbuseDesk()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
