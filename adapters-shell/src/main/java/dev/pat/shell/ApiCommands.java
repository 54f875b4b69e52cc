package dev.pat.shell;

import dev.pat.domain.model.TokenNotFound;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import dev.pat.domain.model.catalog.ApiSet;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.ManageTokens;
import org.springframework.context.annotation.Lazy;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The method picker of the dashboard: search the API methods, see a token's checked ones, the predefined sets. */
@Component
class ApiCommands {
    private static final String GROUP = "API methods";
    private static final ApiCatalog CATALOG = ApiCatalog.platform();

    private final ManageTokens tokens;
    private final ShellSession session;
    private final Screen screen;

    ApiCommands(@Lazy ManageTokens tokens, ShellSession session, Screen screen) {
        this.tokens = tokens;
        this.session = session;
        this.screen = screen;
    }

    @Command(name = {"api", "methods"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "List the API methods a token can be given, with their documentation links")
    void methods(CommandContext ctx,
                 @Option(longName = "search", description = "only methods whose name or description contains this")
                 String search,
                 @Option(longName = "token", description = "mark the methods this token holds") String token,
                 @Option(longName = "only-checked", description = "only the methods the --token holds",
                         defaultValue = "false") boolean onlyChecked,
                 @Option(longName = "login", description = "sign in as this account for this command") String login,
                 @Option(longName = "json", description = "print JSON for scripts", defaultValue = "false")
                 boolean json) {
        if (onlyChecked && TokenCommands.present(token).isEmpty()) {
            throw ShellFailure.usage("--only-checked needs --token ID: whose checked methods?");
        }
        Optional<Set<ApiMethod>> checked = TokenCommands.present(token).map(id -> held(ctx, login, id));
        List<ApiMethodInfo> shown = CATALOG.grantable(search).stream()
                .filter(m -> !onlyChecked || checked.get().contains(m.method())).toList();
        if (json) {
            screen.json(ctx.outputWriter(), shown.stream().map(m -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", m.id());
                item.put("method", m.method().canonical());
                item.put("description", m.description());
                item.put("docUrl", m.docUrl());
                checked.ifPresent(c -> item.put("checked", c.contains(m.method())));
                return item;
            }).toList());
            return;
        }
        PrintWriter out = ctx.outputWriter();
        if (shown.isEmpty()) {
            out.println(onlyChecked ? "Token " + token.trim() + " holds no method" + TokenCommands.present(search)
                    .map(q -> " matching '" + q + "'").orElse("") + "."
                    : "No methods match '" + search + "'. Try a shorter word, or no --search for all.");
            out.flush();
            return;
        }
        if (!screen.toTerminal()) {
            screen.table(out, List.of(), shown.stream().map(m -> {
                List<String> row = new ArrayList<>(List.of(m.method().canonical(), m.description(), m.docUrl()));
                checked.ifPresent(c -> row.add(0, c.contains(m.method()) ? "x" : " "));
                return (List<String>) row;
            }).toList());
            return;
        }
        // a list, not a table: one method a line, its description under it, at any width; the name links to its
        // documentation (OSC 8) where the terminal shows links, and --json has every docUrl
        for (ApiMethodInfo m : shown) {
            String name = m.method().canonical();
            String linked = screen.colors() ? "\u001B]8;;" + m.docUrl() + "\u001B\\" + name
                    + "\u001B]8;;\u001B\\" : name;
            out.println(checked.map(c -> c.contains(m.method()) ? "[x] " : "[ ] ").orElse("") + linked);
            out.println((checked.isPresent() ? "      " : "    ") + m.description());
        }
        out.println("Each name links to its documentation where the terminal shows links;");
        out.println("--json gives every docUrl (" + ApiCatalog.DOCS + "…).");
        out.flush();
    }

    @Command(name = {"api", "sets"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "List the predefined API sets and their methods")
    void sets(CommandContext ctx,
              @Option(longName = "json", description = "print JSON for scripts", defaultValue = "false") boolean json) {
        if (json) {
            screen.json(ctx.outputWriter(), CATALOG.apiSets().stream().map(s -> new SetJson(s.id(), s.name(),
                    s.methods().stream().map(ApiMethod::canonical).toList())).toList());
            return;
        }
        screen.table(ctx.outputWriter(), List.of("API SET", "METHODS"), CATALOG.apiSets().stream()
                .map(s -> List.of(s.name(), String.join(", ", s.methods().stream().map(ApiMethod::canonical)
                        .toList()))).toList());
        ctx.outputWriter().println(ApiSet.CUSTOM + ": any methods you choose (token generate --methods ...)");
        ctx.outputWriter().flush();
    }

    /** An API set in {@code api sets --json}: its id, its name, its methods, in that order. */
    record SetJson(String id, String name, List<String> methods) {
    }

    private Set<ApiMethod> held(CommandContext ctx, String login, String id) {
        TokenId tokenId = TokenId.parse("token", id);
        var acting = session.acting(ctx, login, ApiCatalog.GET_TOKENS);
        return tokens.list(acting.caller().account(), Optional.of(Set.of(tokenId))).stream().findFirst()
                .map(t -> t.methodNames().stream().map(m -> CATALOG.find(m).orElseThrow().method())
                        .collect(Collectors.toSet()))
                .orElseThrow(() -> new TokenNotFound(tokenId));
    }
}
