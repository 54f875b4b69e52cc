package dev.pat.shell;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.TokenNotFound;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import dev.pat.domain.model.catalog.ApiSet;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.ManageTokens;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

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

    ApiCommands(ManageTokens tokens, ShellSession session, Screen screen) {
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
            throw new InvalidInput("only-checked", "needs --token ID: whose checked methods?");
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
        screen.table(ctx.outputWriter(), List.of("", "METHOD", "DESCRIPTION", "DOCS"), shown.stream()
                .map(m -> List.of(checked.map(c -> c.contains(m.method()) ? "[x]" : "[ ]").orElse(""),
                        m.method().canonical(), m.description(), m.docUrl())).toList());
    }

    @Command(name = {"api", "sets"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "List the predefined API sets and their methods")
    void sets(CommandContext ctx,
              @Option(longName = "json", description = "print JSON for scripts", defaultValue = "false") boolean json) {
        if (json) {
            screen.json(ctx.outputWriter(), CATALOG.apiSets().stream().map(s -> Map.of("id", s.id(), "name", s.name(),
                    "methods", s.methods().stream().map(ApiMethod::canonical).toList())).toList());
            return;
        }
        screen.table(ctx.outputWriter(), List.of("API SET", "METHODS"), CATALOG.apiSets().stream()
                .map(s -> List.of(s.name(), String.join(", ", s.methods().stream().map(ApiMethod::canonical)
                        .toList()))).toList());
        ctx.outputWriter().println(ApiSet.CUSTOM + ": any methods you choose (token generate --methods ...)");
        ctx.outputWriter().flush();
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
