package dev.pat.shell;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.TokenNotFound;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditQuery;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.PolicyLimits;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.AuditLog;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.PolicyRequest;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.port.in.TokenView;
import org.springframework.context.annotation.Lazy;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The dashboard's Access Tokens tab: Refresh, Generate, Edit, Regenerate, Copy, Remove. */
@Component
class TokenCommands {
    private static final String GROUP = "Access Tokens";
    private static final String LOGIN = "sign in as this account for this command (default: the signed-in one)";
    private static final String EXPIRES = "the date the token is valid till: dd-mm-yyyy (or yyyy-mm-dd, or"
            + " yyyy-mm-dd hh:mm:ss UTC)";
    private static final String API_SET = "a predefined API set: Extended Access, IDE Plugins, Marketplace,"
            + " Maven Plugin";
    private static final String METHODS = "Custom: the API methods, comma-separated (see: api methods)";
    private static final String ENVS = "envNames: the environments it may act on, names or prefix-* patterns,"
            + " comma-separated; * for every one";
    private static final String ALLOWED_IPS = "allowedIps: the addresses and CIDR ranges it may be used from,"
            + " comma-separated; * for anywhere";
    private static final String SAVE = "save the value to this file, readable by you only, instead of showing it";
    private static final String COPY = "send the value to the terminal's clipboard (OSC 52)";
    private static final String RATE_LIMIT = "rateLimit: calls a minute; 0 for the operator's default";
    private static final String IDLE_DAYS = "idleDays: days unused after which it stops working; 0 for never";

    private final ManageTokens tokens;
    private final AuditLog audit;
    private final ShellSession session;
    private final Screen screen;

    TokenCommands(@Lazy ManageTokens tokens, @Lazy AuditLog audit, ShellSession session, Screen screen) {
        this.tokens = tokens;
        this.audit = audit;
        this.session = session;
        this.screen = screen;
    }

    @Command(name = {"token", "list"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "List your access tokens (Refresh): id, description, API, expiry, last use, status, hint")
    void list(CommandContext ctx,
              @Option(longName = "login", description = LOGIN) String login,
              @Option(longName = "json", description = "print JSON for scripts", defaultValue = "false") boolean json) {
        var acting = session.acting(ctx, login, ApiCatalog.GET_TOKENS);
        List<TokenView> listed = tokens.list(acting.caller().account(), Optional.empty());
        if (json) {
            screen.json(ctx.outputWriter(), listed);
        } else if (listed.isEmpty()) {
            ctx.outputWriter().println("No access tokens yet. Generate one with: token generate");
        } else {
            screen.table(ctx.outputWriter(), Screen.TOKEN_HEADER, listed.stream().map(Screen::row).toList());
        }
        ctx.outputWriter().flush();
    }

    @Command(name = {"token", "generate"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Generate a token: description, expiry, and an API set or Custom methods; asks for"
                    + " your password; shows the value once")
    void generate(CommandContext ctx,
                  @Option(longName = "description", description = "what the token is for", required = true)
                  String description,
                  @Option(longName = "expires-at", description = EXPIRES
                          + " (default: the longest lifetime allowed)") String expiresAt,
                  @Option(longName = "api-set", description = API_SET) String apiSet,
                  @Option(longName = "methods", description = METHODS) String methods,
                  @Option(longName = "save", description = SAVE) String save,
                  @Option(longName = "force", description = "with --save: replace the file if it exists",
                          defaultValue = "false") boolean force,
                  @Option(longName = "copy", description = COPY, defaultValue = "false") boolean copy,
                  @Option(longName = "envs", description = ENVS) String envs,
                  @Option(longName = "allowed-ips", description = ALLOWED_IPS) String allowedIps,
                  @Option(longName = "rate-limit", description = RATE_LIMIT) String rateLimit,
                  @Option(longName = "idle-days", description = IDLE_DAYS) String idleDays,
                  @Option(longName = "login", description = LOGIN) String login) {
        Description checkedDescription = new Description(description);
        Optional<Expiry> expiry = present(expiresAt).map(Expiry::parse);
        ScopeRequest scope = ScopeRequest.required(present(apiSet), present(methods).stream().toList());
        PolicyRequest policies = policies(envs, allowedIps, rateLimit, idleDays);
        tokens.checkValues(Optional.of(scope), expiry, policies);
        ValueDelivery.Destination destination = ValueDelivery.destination(save, force);
        var acting = session.acting(ctx, login, ApiCatalog.CREATE_TOKEN);
        ManageTokens.Issued issued = tokens.generate(new ManageTokens.Generate(acting.caller(),
                acting.confirmation(ctx), checkedDescription, scope, expiry, policies));
        ValueDelivery.deliver(ctx.outputWriter(), "Generated", issued, destination, copy);
    }

    @Command(name = {"token", "edit"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Edit a token's description, expiry or API; asks for your password; the value stays")
    void edit(CommandContext ctx,
              @Option(longName = "id", description = "the token's id", required = true) String id,
              @Option(longName = "description", description = "a new description") String description,
              @Option(longName = "expires-at", description = EXPIRES) String expiresAt,
              @Option(longName = "api-set", description = API_SET) String apiSet,
              @Option(longName = "methods", description = METHODS) String methods,
              @Option(longName = "envs", description = ENVS) String envs,
              @Option(longName = "allowed-ips", description = ALLOWED_IPS) String allowedIps,
              @Option(longName = "rate-limit", description = RATE_LIMIT) String rateLimit,
              @Option(longName = "idle-days", description = IDLE_DAYS) String idleDays,
              @Option(longName = "login", description = LOGIN) String login) {
        TokenId tokenId = TokenId.parse("id", id);
        Optional<Description> newDescription = present(description).map(Description::new);
        Optional<Expiry> newExpiry = present(expiresAt).map(Expiry::parse);
        Optional<ScopeRequest> newScope = ScopeRequest.parse(present(apiSet), present(methods).stream().toList());
        PolicyRequest policies = policies(envs, allowedIps, rateLimit, idleDays);
        ManageTokens.Edit.checkChanges(newDescription, newScope, newExpiry, policies);
        tokens.checkValues(newScope, newExpiry, policies);
        var acting = session.acting(ctx, login, ApiCatalog.EDIT_TOKEN);
        TokenView edited = tokens.edit(new ManageTokens.Edit(acting.caller(), acting.confirmation(ctx),
                tokenId, newDescription, newScope, newExpiry, policies));
        ctx.outputWriter().println("Edited token " + edited.id() + ".");
        screen.table(ctx.outputWriter(), Screen.TOKEN_HEADER, List.of(Screen.row(edited)));
    }

    @Command(name = {"token", "show"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Show one token whole: its API, expiry, policies and, during an overlap, its old value")
    void show(CommandContext ctx,
              @Option(longName = "id", description = "the token's id", required = true) String id,
              @Option(longName = "login", description = LOGIN) String login,
              @Option(longName = "json", description = "print JSON for scripts", defaultValue = "false") boolean json) {
        TokenId tokenId = TokenId.parse("id", id);
        var acting = session.acting(ctx, login, ApiCatalog.GET_TOKENS);
        TokenView token = tokens.list(acting.caller().account(), Optional.of(Set.of(tokenId))).stream().findFirst()
                .orElseThrow(() -> new TokenNotFound(tokenId));
        if (json) {
            screen.json(ctx.outputWriter(), token);
        } else {
            Screen.details(ctx.outputWriter(), token);
        }
    }

    @Command(name = {"token", "log"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "What happened to your tokens and what they did: changes, sign-ins, and calls per minute"
                    + " (method, address, result), newest first")
    void log(CommandContext ctx,
             @Option(longName = "id", description = "only this token's events (ids comma-separated)") String id,
             @Option(longName = "since", description = "from this date (yyyy-mm-dd), or back this long (30d, 12h)")
             String since,
             @Option(longName = "kind", description = "only one kind of event (token-use, token-edited, signin, …)")
             String kind,
             @Option(longName = "limit", description = "how many at most (default 100)") String limit,
             @Option(longName = "login", description = LOGIN) String login,
             @Option(longName = "json", description = "print JSON for scripts", defaultValue = "false") boolean json) {
        AuditQuery query = AuditQuery.parse(present(id).stream().toList(), present(since), Optional.empty(),
                present(kind), present(limit), Optional.empty());
        var acting = session.acting(ctx, login, ApiCatalog.GET_TOKEN_EVENTS);
        List<AuditEvent> events = audit.events(acting.caller().account(), query);
        if (json) {
            screen.json(ctx.outputWriter(), events.stream().map(Screen::event).toList());
        } else if (events.isEmpty()) {
            ctx.outputWriter().println("No events.");
            ctx.outputWriter().flush();
        } else {
            screen.table(ctx.outputWriter(), Screen.EVENT_HEADER, events.stream().map(Screen::eventRow).toList());
        }
    }

    @Command(name = {"token", "narrow"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Least privilege in one step: keep only the methods the token actually called; shows"
                    + " what goes, then asks for your password")
    void narrow(CommandContext ctx,
                @Option(longName = "id", description = "the token's id", required = true) String id,
                @Option(longName = "since", description = "the calls that count: back this long (default 30d)")
                String since,
                @Option(longName = "login", description = LOGIN) String login) {
        TokenId tokenId = TokenId.parse("id", id);
        Duration window = present(since).map(w -> AuditQuery.relative(w).orElseThrow(() -> new InvalidInput("since",
                "'" + w + "' is not a time back such as 30d, 12h or 90m"))).orElse(Duration.ofDays(30));
        var acting = session.acting(ctx, login, ApiCatalog.EDIT_TOKEN);
        TokenView token = tokens.list(acting.caller().account(), Optional.of(Set.of(tokenId))).stream().findFirst()
                .orElseThrow(() -> new TokenNotFound(tokenId));
        Set<String> used = tokens.methodsUsed(acting.caller().account(), tokenId, window);
        if (used.isEmpty()) {
            throw new InvalidInput("since", "token " + tokenId.value() + " called nothing in that time: narrowing"
                    + " would leave it no method (remove it instead?)");
        }
        List<String> dropped = token.methodNames().stream().filter(m -> !used.contains(m)).toList();
        if (dropped.isEmpty()) {
            ctx.outputWriter().println("Token " + tokenId.value() + " used every method it has: nothing to narrow.");
            ctx.outputWriter().flush();
            return;
        }
        ctx.outputWriter().println("Token " + tokenId.value() + " \"" + token.description() + "\" becomes Custom:");
        token.methodNames().forEach(m -> ctx.outputWriter().println((used.contains(m) ? "  = " : "  - ") + m));
        ctx.outputWriter().flush();
        TokenView narrowed = tokens.edit(new ManageTokens.Edit(acting.caller(), acting.confirmation(ctx), tokenId,
                Optional.empty(), Optional.of(ScopeRequest.custom(List.copyOf(used))), Optional.empty(),
                PolicyRequest.NONE));
        ctx.outputWriter().println("Narrowed token " + narrowed.id() + " to " + narrowed.apiListItems().size()
                + (narrowed.apiListItems().size() == 1 ? " method." : " methods."));
        ctx.outputWriter().flush();
    }

    @Command(name = {"token", "end-grace"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "End a regenerated token's overlap early: its old value stops working now; asks for"
                    + " your password")
    void endGrace(CommandContext ctx,
                  @Option(longName = "id", description = "the token's id", required = true) String id,
                  @Option(longName = "login", description = LOGIN) String login) {
        TokenId tokenId = TokenId.parse("id", id);
        var acting = session.acting(ctx, login, ApiCatalog.END_TOKEN_GRACE_PERIOD);
        tokens.endGracePeriod(new ManageTokens.EndGracePeriod(acting.caller(), acting.confirmation(ctx), tokenId));
        ctx.outputWriter().println("The old value of token " + tokenId.value() + " no longer works.");
        ctx.outputWriter().flush();
    }

    @Command(name = {"token", "regenerate"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Give a token a new value (the old one stops working at once); asks for your password")
    void regenerate(CommandContext ctx,
                    @Option(longName = "id", description = "the token's id", required = true) String id,
                    @Option(longName = "expires-at", description = "a new expiry (needed if it has expired)")
                    String expiresAt,
                    @Option(longName = "save", description = SAVE) String save,
                    @Option(longName = "force", description = "with --save: replace the file if it exists",
                            defaultValue = "false") boolean force,
                    @Option(longName = "copy", description = COPY, defaultValue = "false") boolean copy,
                    @Option(longName = "grace-period", description = "gracePeriod: minutes the old value keeps"
                            + " working (0 to 1440; default 0: it stops at once)") String gracePeriod,
                    @Option(longName = "login", description = LOGIN) String login) {
        TokenId tokenId = TokenId.parse("id", id);
        Optional<Expiry> newExpiry = present(expiresAt).map(Expiry::parse);
        Duration grace = PolicyRequest.number(PolicyLimits.GRACE_PERIOD, present(gracePeriod))
                .map(PolicyLimits::gracePeriod).orElse(Duration.ZERO);
        tokens.checkValues(Optional.empty(), newExpiry, PolicyRequest.NONE);
        ValueDelivery.Destination destination = ValueDelivery.destination(save, force);
        var acting = session.acting(ctx, login, ApiCatalog.REGENERATE_TOKEN);
        ManageTokens.Issued issued = tokens.regenerate(new ManageTokens.Regenerate(acting.caller(),
                acting.confirmation(ctx), tokenId, newExpiry, grace));
        ValueDelivery.deliver(ctx.outputWriter(), "Regenerated", issued, destination, copy);
        ctx.outputWriter().println(issued.token().previousValue()
                .map(p -> "The old value (" + p.hint() + ") keeps working until " + Screen.time(p.worksUntil())
                        + "; end that early with: token end-grace --id " + issued.token().id())
                .orElse("The old value no longer works: update any automation that used it."));
        ctx.outputWriter().flush();
    }

    @Command(name = {"token", "copy"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Generate a new token with an existing one's API and expiry; asks for your password")
    void copy(CommandContext ctx,
              @Option(longName = "id", description = "the token to copy", required = true) String id,
              @Option(longName = "description", description = "the copy's description (default: Copy of …)")
              String description,
              @Option(longName = "expires-at", description = EXPIRES) String expiresAt,
              @Option(longName = "save", description = SAVE) String save,
              @Option(longName = "force", description = "with --save: replace the file if it exists",
                      defaultValue = "false") boolean force,
              @Option(longName = "copy", description = COPY, defaultValue = "false") boolean copy,
              @Option(longName = "envs", description = ENVS + " (default: the original's)") String envs,
              @Option(longName = "allowed-ips", description = ALLOWED_IPS + " (default: the original's)")
              String allowedIps,
              @Option(longName = "rate-limit", description = RATE_LIMIT + " (default: the original's)")
              String rateLimit,
              @Option(longName = "idle-days", description = IDLE_DAYS + " (default: the original's)")
              String idleDays,
              @Option(longName = "login", description = LOGIN) String login) {
        TokenId tokenId = TokenId.parse("id", id);
        Optional<Description> newDescription = present(description).map(Description::new);
        Optional<Expiry> newExpiry = present(expiresAt).map(Expiry::parse);
        PolicyRequest policies = policies(envs, allowedIps, rateLimit, idleDays);
        tokens.checkValues(Optional.empty(), newExpiry, policies);
        ValueDelivery.Destination destination = ValueDelivery.destination(save, force);
        var acting = session.acting(ctx, login, ApiCatalog.COPY_TOKEN);
        ManageTokens.Issued issued = tokens.copy(new ManageTokens.Copy(acting.caller(), acting.confirmation(ctx),
                tokenId, newDescription, newExpiry, policies));
        ValueDelivery.deliver(ctx.outputWriter(), "Copied into", issued, destination, copy);
    }

    @Command(name = {"token", "remove"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Remove one or several tokens (--ids 3,5,8); asks for your password")
    void remove(CommandContext ctx,
                @Option(longName = "ids", description = "the tokens' ids, comma-separated") String ids,
                @Option(longName = "all", description = "every token of the account", defaultValue = "false")
                boolean all,
                @Option(longName = "login", description = LOGIN) String login) {
        if (all == present(ids).isPresent()) {
            throw ShellFailure.usage(all ? "give --ids 3,5,8 or --all, not both" : "missing --ids (or --all)");
        }
        Optional<Set<TokenId>> doomed = present(ids).map(i -> TokenId.parseAll("ids", List.of(i)));
        var acting = session.acting(ctx, login, ApiCatalog.DELETE_TOKENS);
        int removed = tokens.remove(new ManageTokens.Remove(acting.caller(), acting.confirmation(ctx), doomed));
        ctx.outputWriter().println("Removed " + removed + (removed == 1 ? " token." : " tokens."));
        ctx.outputWriter().flush();
    }

    private static PolicyRequest policies(String envs, String allowedIps, String rateLimit, String idleDays) {
        return PolicyRequest.parse(present(envs).stream().toList(), present(allowedIps).stream().toList(),
                present(rateLimit), present(idleDays));
    }

    static Optional<String> present(String option) {
        return Optional.ofNullable(option).filter(s -> !s.isBlank());
    }
}
