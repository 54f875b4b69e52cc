package dev.pat.shell;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code ./pat <command> [options]}: runs one command with Spring Shell's parser and executor, prints to
 * standard output, reports failures on standard error and exits with the command's status. Passwords are read
 * masked from the terminal, or as one line of standard input when none is attached.
 */
public class OneShotRunner implements ApplicationRunner, ExitCodeGenerator {
    private final PatCommandParser parser;
    private final CommandRegistry registry;
    private final ShellSession session;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private int exitCode;

    OneShotRunner(PatCommandParser parser, CommandRegistry registry, ShellSession session, InputStream in,
                  PrintStream out, PrintStream err) {
        this.parser = parser;
        this.registry = registry;
        this.session = session;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = List.of(args.getSourceArgs());
        PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
        try {
            ParsedInput parsed = parser.parse(words);
            ExitStatus status = new CommandExecutor(registry).execute(
                    new CommandContext(parsed, registry, writer, new StdinReader(in, err)));
            writer.flush();
            exitCode = status.code();
            if (exitCode != 0) {
                err.println(status.description());
            }
        } catch (CommandNotFoundException e) {
            exitCode = 2;
            err.println("error: no such command: " + String.join(" ", words) + " (see: ./pat help)");
        } catch (Exception e) {
            exitCode = 1;
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            err.println("error: " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()));
        } finally {
            session.end();
            err.flush();
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Masked input from the terminal when there is one; otherwise one line of standard input per question. */
    static final class StdinReader implements InputReader {
        private final BufferedReader lines;
        private final PrintStream prompts;

        StdinReader(InputStream in, PrintStream prompts) {
            this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.prompts = prompts;
        }

        @Override
        public String readInput(String prompt) throws IOException {
            Console console = System.console();
            if (console != null) {
                return console.readLine("%s", prompt);
            }
            return lines.readLine();
        }

        @Override
        public char[] readPassword(String prompt) throws IOException {
            Console console = System.console();
            if (console != null) {
                return console.readPassword("%s", prompt);
            }
            String line = lines.readLine();
            return line == null ? null : line.toCharArray();
        }
    }
}
