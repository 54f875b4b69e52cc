package dev.pat.shell;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.core.InputReader;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code pat <command> [options]}: runs one command, prints to standard output, reports a failure as one
 * {@code error: …} line on standard error, and exits with the command's status.
 */
public class OneShotRunner implements ApplicationRunner, ExitCodeGenerator {
    private final CommandLine commands;
    private final ShellSession session;
    private final InputReader in;
    private final PrintStream out;
    private final PrintStream err;
    private int exitCode;

    OneShotRunner(CommandLine commands, ShellSession session, InputReader in, PrintStream out, PrintStream err) {
        this.commands = commands;
        this.session = session;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run(ApplicationArguments args) {
        PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
        try {
            CommandLine.Outcome outcome = commands.run(List.of(args.getSourceArgs()), writer, in);
            exitCode = outcome.exitCode();
            if (exitCode != 0) {
                err.println("error: " + outcome.error());
            }
        } finally {
            session.end();
            writer.flush();
            err.flush();
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
