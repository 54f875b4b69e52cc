package dev.pat.domain.model.audit;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.token.TokenId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the audit trail: when, whose account, who acted and from where, what happened to which token (and
 * with which method), what it gave, and how many calls it stands for (token use is counted per minute). Never a
 * secret: no value, password, session key or code ever reaches {@code detail}.
 *
 * @param detail what changed, in words (the fields an edit changed, why a sign-in failed); empty if nothing to add
 * @param result {@code ok}, or what went wrong ({@code failed}, {@code locked}, {@code denied}, …)
 * @param calls  how many calls the row stands for: 1, or a minute's worth of one token's use
 */
public record AuditEvent(Instant at, Optional<AccountId> account, Actor actor, ClientAddress address,
                         AuditKind kind, Optional<TokenId> token, Optional<String> method, String detail,
                         String result, long calls) {
    public static final String OK = "ok";
    /** The longest detail kept. */
    public static final int MAX_DETAIL = 400;

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(method, "method");
        detail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 1) + "…"
                : detail;
        Objects.requireNonNull(result, "result");
    }

    /** Something a caller did to its account or one of its tokens, which worked. */
    public static AuditEvent of(Caller caller, AuditKind kind, Optional<TokenId> token, String detail, Instant at) {
        return new AuditEvent(at, Optional.of(caller.account()), Actor.of(caller), caller.address(), kind, token,
                Optional.empty(), detail, OK, 1);
    }
}
