package dev.pat.shell;

import dev.pat.domain.model.account.Password;
import org.springframework.shell.core.command.CommandContext;

/**
 * Asks for secrets through the command's input reader: masked on a terminal, one line of standard input when
 * none is attached. No answer (end of input, Ctrl-C) abandons the command before anything is changed.
 */
final class Prompts {
    private Prompts() {
    }

    static Password password(CommandContext ctx, String prompt) {
        return Password.given(secret(ctx, prompt, "password"));
    }

    static Password newPassword(CommandContext ctx, String prompt) {
        return Password.chosen(secret(ctx, prompt, "password"));
    }

    static String code(CommandContext ctx) {
        return secret(ctx, "Two-factor code: ", "two-factor code").trim();
    }

    private static String secret(CommandContext ctx, String prompt, String what) {
        char[] answer;
        try {
            answer = ctx.inputReader().readPassword(prompt);
        } catch (Exception interruptedOrClosed) {
            throw ShellFailure.abandoned(what);
        }
        if (answer == null || answer.length == 0) {
            throw ShellFailure.abandoned(what);
        }
        return new String(answer);
    }
}
