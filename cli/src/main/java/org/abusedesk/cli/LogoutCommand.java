package org.abusedesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code abuse-desk logout}: removes the sign-in {@code login} kept; the commands no longer act as you. */
@Command(name = "logout", mixinStandardHelpOptions = true, header = "Removes your sign-in from this machine.")
final class LogoutCommand implements Callable<Integer> {

    @Option(
            names = "--login-file",
            paramLabel = "PATH",
            description = "Where the sign-in is kept (default: as `abuse-desk login` keeps it).")
    Path loginFile;

    @Override
    public Integer call() throws Exception {
        Path file = loginFile != null ? loginFile : PersonalLogin.defaultFile(System.getenv());
        System.out.println(Files.deleteIfExists(file) ? "Signed out: removed " + file : "Not signed in.");
        return 0;
    }
}
