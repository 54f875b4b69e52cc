package dev.pat.shell;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code pat completion --shell bash|zsh}: Tab completion of the one-command form, for the user's own shell. */
@Component
class CompletionCommands {
    /** The hidden word the completion script calls pat with: {@code pat __complete WORDS... CURRENT}. */
    static final String COMPLETE = "__complete";

    private static final String BASH = """
            # pat completion for bash (and zsh through bashcompinit): commands, options and their values
            _pat_complete() {
              local line
              COMPREPLY=()
              while IFS= read -r line; do
                COMPREPLY+=("$(printf '%q' "$line")")
              done < <(pat __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
            }
            complete -F _pat_complete pat
            """;

    @Command(name = "completion", group = "Shell", exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Print a Tab-completion script for bash or zsh; load it with:"
                    + " source <(pat completion --shell bash), or put that line in ~/.bashrc (~/.zshrc for zsh)")
    void completion(CommandContext ctx,
                    @Option(longName = "shell", description = "bash or zsh", required = true) String shell) {
        switch (shell.trim()) {
            case "bash" -> ctx.outputWriter().print(BASH);
            case "zsh" -> ctx.outputWriter().print("autoload -U +X bashcompinit && bashcompinit\n" + BASH);
            default -> throw ShellFailure.usage("--shell: bash or zsh, not '" + shell + "'");
        }
        ctx.outputWriter().flush();
    }
}
