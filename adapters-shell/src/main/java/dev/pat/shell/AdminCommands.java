package dev.pat.shell;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditQuery;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.AdministerAccounts;
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

/** Local administration, where the database is: accounts, passwords, two-factor, and any account's tokens. */
@Component
class AdminCommands {
    private static final String GROUP = "Administration";
    private final AdministerAccounts admin;
    private final Screen screen;

    AdminCommands(@Lazy AdministerAccounts admin, Screen screen) {
        this.admin = admin;
        this.screen = screen;
    }

    @Command(name = {"account", "create"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Create an account; asks for its password (at least 10 characters), twice on a terminal")
    void create(CommandContext ctx,
                @Option(longName = "login", description = "the account's e-mail", required = true) String login,
                @Option(longName = "name", description = "the name it is shown by (default: the login)") String name) {
        Login who = new Login(login);
        DisplayName shownAs = new DisplayName(TokenCommands.present(name).orElse(who.value()));
        if (admin.account(who).isPresent()) {
            throw new InvalidInput("login", who.value() + " already has an account; nothing was changed");
        }
        Password password = chosenPassword(ctx, "Password for " + who.value() + ": ");
        Account account = admin.createAccount(who, shownAs, password);
        ctx.outputWriter().println("Created account " + account.id().value() + " for " + account.login().value() + ".");
        ctx.outputWriter().flush();
    }

    @Command(name = {"account", "password"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Set an account's password; its sessions end")
    void password(CommandContext ctx,
                  @Option(longName = "login", description = "the account's e-mail", required = true) String login) {
        Login who = new Login(login);
        admin.changePassword(who, chosenPassword(ctx, "New password for " + who.value() + ": "));
        ctx.outputWriter().println("Password changed; every session of " + who.value() + " has ended.");
        ctx.outputWriter().flush();
    }

    @Command(name = {"account", "list"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "List every account")
    void accounts(CommandContext ctx,
                  @Option(longName = "json", description = "print JSON for scripts", defaultValue = "false")
                  boolean json) {
        List<Account> accounts = admin.accounts();
        if (json) {
            List<Map<String, Object>> items = new ArrayList<>();
            accounts.forEach(a -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", a.id().value());
                item.put("login", a.login().value());
                item.put("name", a.name().value());
                item.put("twoFactor", a.hasTwoFactor());
                items.add(item);
            });
            screen.json(ctx.outputWriter(), items);
            return;
        }
        screen.table(ctx.outputWriter(), List.of("ID", "LOGIN", "NAME", "TWO-FACTOR"), accounts.stream()
                .map(a -> List.of(Long.toString(a.id().value()), a.login().value(), a.name().value(),
                        a.hasTwoFactor() ? "on" : "off")).toList());
    }

    @Command(name = {"twofactor", "enable"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Turn two-factor authentication on: scan the QR code, then type the app's code")
    void enableTwoFactor(CommandContext ctx,
                         @Option(longName = "login", description = "the account's e-mail", required = true)
                         String login) {
        Login who = new Login(login);
        AdministerAccounts.TwoFactorEnrolment enrolment = admin.beginTwoFactor(who);
        PrintWriter out = ctx.outputWriter();
        out.println("Scan this with an authenticator app, or enter the URI by hand:");
        out.println(enrolment.uri());
        out.flush();
        out.print(QrCode.draw(enrolment.uri(), screen.colors()));
        out.flush();
        admin.enableTwoFactor(who, enrolment.secret(), Prompts.code(ctx));
        out.println("Two-factor authentication is on for " + who.value() + ".");
        out.flush();
    }

    @Command(name = {"twofactor", "disable"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Turn two-factor authentication off")
    void disableTwoFactor(CommandContext ctx,
                          @Option(longName = "login", description = "the account's e-mail", required = true)
                          String login) {
        admin.disableTwoFactor(new Login(login));
        ctx.outputWriter().println("Two-factor authentication is off for " + new Login(login).value() + ".");
        ctx.outputWriter().flush();
    }

    @Command(name = {"admin", "tokens"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "List every account's tokens (never their values)")
    void allTokens(CommandContext ctx,
                   @Option(longName = "json", description = "print JSON for scripts", defaultValue = "false")
                   boolean json) {
        List<AdministerAccounts.OwnedToken> tokens = admin.allTokens();
        if (json) {
            screen.json(ctx.outputWriter(), tokens);
            return;
        }
        List<String> header = new ArrayList<>(List.of("ACCOUNT"));
        header.addAll(Screen.TOKEN_HEADER);
        screen.table(ctx.outputWriter(), header, tokens.stream().map(t -> {
            List<String> row = new ArrayList<>(List.of(t.login()));
            row.addAll(Screen.row(t.token()));
            return row;
        }).toList());
    }

    @Command(name = {"admin", "audit"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "The audit trail of one account, or of all: sign-ins, changes, token use; newest first")
    void audit(CommandContext ctx,
               @Option(longName = "login", description = "only this account's events") String login,
               @Option(longName = "since", description = "from this date (yyyy-mm-dd), or back this long (30d, 12h)")
               String since,
               @Option(longName = "kind", description = "only one kind of event (signin, token-use, …)") String kind,
               @Option(longName = "limit", description = "how many at most (default 100)") String limit,
               @Option(longName = "json", description = "print JSON for scripts", defaultValue = "false")
               boolean json) {
        AuditQuery query = AuditQuery.parse(List.of(), TokenCommands.present(since), Optional.empty(),
                TokenCommands.present(kind), TokenCommands.present(limit), Optional.empty());
        List<AuditEvent> events = admin.audit(TokenCommands.present(login).map(Login::new), query);
        if (json) {
            screen.json(ctx.outputWriter(), events.stream().map(Screen::event).toList());
            return;
        }
        Map<Long, String> logins = new java.util.HashMap<>();
        admin.accounts().forEach(a -> logins.put(a.id().value(), a.login().value()));
        List<String> header = new ArrayList<>(List.of("ACCOUNT"));
        header.addAll(Screen.EVENT_HEADER);
        screen.table(ctx.outputWriter(), header, events.stream().map(e -> {
            List<String> row = new ArrayList<>(List.of(e.account().map(a -> logins.getOrDefault(a.value(),
                    Long.toString(a.value()))).orElse("")));
            row.addAll(Screen.eventRow(e));
            return row;
        }).toList());
    }

    @Command(name = {"admin", "revoke-leaked"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Revoke leaked token values read from standard input, one a line (as a secret scanner"
                    + " reports them); says how many were live")
    void revokeLeaked(CommandContext ctx) {
        List<String> values = new ArrayList<>();
        while (values.size() < 100_000) {
            char[] line;
            try {
                line = ctx.inputReader().readPassword(values.isEmpty() ? "Leaked values, one a line (an empty line"
                        + " ends): " : "");
            } catch (Exception endOfInput) {
                break;
            }
            if (line == null || line.length == 0) {
                break;
            }
            values.add(new String(line).strip());
        }
        int revoked = admin.revokeLeaked(values);
        ctx.outputWriter().println("Read " + values.size() + (values.size() == 1 ? " value; " : " values; ")
                + revoked + (revoked == 1 ? " was live and is revoked." : " were live and are revoked."));
        ctx.outputWriter().flush();
    }

    @Command(name = {"admin", "remove-token"}, group = GROUP, exitStatusExceptionMapper = ExitCodes.BEAN,
            description = "Remove any account's token at once (the operator's revocation)")
    void removeToken(CommandContext ctx,
                     @Option(longName = "id", description = "the token's id", required = true) String id) {
        TokenId tokenId = TokenId.parse("id", id);
        admin.removeToken(tokenId);
        ctx.outputWriter().println("Removed token " + tokenId.value() + ".");
        ctx.outputWriter().flush();
    }

    /** A new password: on a terminal typed twice, so a typo does not lock anyone out. */
    private static Password chosenPassword(CommandContext ctx, String prompt) {
        Password password = Prompts.newPassword(ctx, prompt);
        if (ctx.inputReader() instanceof TerminalInput input ? input.typed() : Tty.isTerminal(0)) {
            Password again = Prompts.newPassword(ctx, "Again: ");
            if (!again.reveal().equals(password.reveal())) {
                throw new InvalidInput("password", "the two passwords differ; nothing was changed");
            }
        }
        return password;
    }
}
