package dev.pat.shell;

import org.springframework.shell.core.InputReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The answers to a one-shot command's questions. When standard input is a terminal, a person is typing: the
 * question goes to the terminal ({@code /dev/tty}) and the answer is masked, wherever standard output goes.
 * When standard input is a pipe or a file, a script is answering: one line per question, nothing shown.
 */
final class TerminalInput implements InputReader {
    private final BufferedReader lines;
    private final boolean typed;

    TerminalInput(InputStream in, boolean stdinIsTerminal) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.typed = stdinIsTerminal;
    }

    /** Standard input as this process has it. */
    static TerminalInput standard() {
        return new TerminalInput(System.in, Tty.isTerminal(0));
    }

    /** Whether a person types the answers (standard input is a terminal). */
    boolean typed() {
        return typed;
    }

    @Override
    public String readInput(String prompt) throws IOException {
        char[] answer = readPassword(prompt);
        return answer == null ? null : new String(answer);
    }

    @Override
    public char[] readPassword(String prompt) throws IOException {
        if (typed) {
            return Tty.readMasked(prompt);
        }
        String line = lines.readLine();
        return line == null ? null : line.toCharArray();
    }
}
