package dev.pat.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.shell.core.InputReader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code pat shell}: reads commands at a prompt until {@code exit} or Ctrl-D. Ctrl-C clears the line being typed
 * (or abandons a password prompt) and the shell goes on, signed in as before. The history of commands is kept in
 * the user's configuration folder, readable by the user only, and holds only lines that name a command: never an
 * answer typed at a secret's prompt (even one typed ahead before the prompt showed), nor a password typed as a
 * command by mistake.
 */
final class PatShellRunner implements ApplicationRunner {
    private final CommandLine commands;
    private final Completions completions;
    private final ShellSession session;
    private final Terminal terminal;
    private final Path historyFile;
    private final Supplier<String> prompt;

    PatShellRunner(CommandLine commands, Completions completions, ShellSession session, Terminal terminal,
                   Path historyFile, Supplier<String> prompt) {
        this.commands = commands;
        this.completions = completions;
        this.session = session;
        this.terminal = terminal;
        this.historyFile = historyFile;
        this.prompt = prompt;
    }

    /** {@code $XDG_CONFIG_HOME/pat/history}, or {@code ~/.config/pat/history}. */
    static Path defaultHistoryFile() {
        String config = System.getenv("XDG_CONFIG_HOME");
        Path folder = config != null && !config.isBlank() ? Path.of(config)
                : Path.of(System.getProperty("user.home"), ".config");
        return folder.resolve("pat").resolve("history");
    }

    @Override
    public void run(ApplicationArguments args) {
        DefaultHistory history = new DefaultHistory();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("pat").history(history)
                .completer((lineReader, line, candidates) -> {
                    List<String> words = line.words();
                    String current = line.word().substring(0, line.wordCursor());
                    completions.complete(words.subList(0, line.wordIndex()), current).forEach(value ->
                            candidates.add(new org.jline.reader.Candidate(value, value, null, null, null, null,
                                    !value.endsWith(","))));
                })
                .variable(LineReader.HISTORY_FILE, ownerOnly(historyFile))
                // lines are added below, only when they name a command: a password typed at the wrong moment is
                // not one, and never reaches the file
                .variable(LineReader.DISABLE_HISTORY, true)
                // no !-expansion: it would also eat the backslashes that completion puts before spaces
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        reader.unsetOpt(LineReader.Option.INSERT_TAB);
        PrintWriter out = terminal.writer();
        out.println("PAT admin shell. Type help for the commands, exit or Ctrl-D to leave.");
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt.get());
                } catch (UserInterruptException ctrlC) {
                    continue;
                } catch (EndOfFileException ctrlD) {
                    break;
                }
                String typed = line.strip();
                if (typed.isEmpty()) {
                    continue;
                }
                if (commands.namesACommand(typed) && !line.startsWith(" ")) {
                    reader.setVariable(LineReader.DISABLE_HISTORY, false);
                    history.add(typed);
                    reader.setVariable(LineReader.DISABLE_HISTORY, true);
                }
                if (CommandLine.EXIT.contains(typed)) {
                    break;
                }
                CommandLine.Outcome outcome = commands.run(typed, out, new Secrets(reader));
                if (outcome.exitCode() != 0) {
                    out.println("error: " + outcome.error());
                }
                out.flush();
            }
        } finally {
            try {
                history.save();
            } catch (IOException e) {
                out.println("note: the history could not be saved (" + e.getMessage() + ")");
            }
            session.end();
            out.flush();
        }
    }

    /** Creates the history file (and its folder) for the user alone, before anything is written to it. */
    static Path ownerOnly(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the shell's history in " + file, e);
        }
    }

    /** Questions during a command: masked, never in the history; Ctrl-C or Ctrl-D abandons the command. */
    private static final class Secrets implements InputReader {
        private final LineReader reader;

        Secrets(LineReader reader) {
            this.reader = reader;
        }

        @Override
        public String readInput(String prompt) {
            char[] answer = readPassword(prompt);
            return answer == null ? null : new String(answer);
        }

        @Override
        public char[] readPassword(String prompt) {
            // the history is off while reading (see run): an answer is never added to it
            try {
                return reader.readLine(prompt, '*').toCharArray();
            } catch (UserInterruptException | EndOfFileException abandoned) {
                return null;
            }
        }
    }
}
