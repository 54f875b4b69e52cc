package dev.pat.domain.port.out;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditQuery;
import dev.pat.domain.model.audit.TokenUsage;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.token.TokenId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The append-only audit trail. Changes are recorded in the transaction that makes them (both commit, or neither);
 * token use is counted in memory and written a minute at a time, so the hot path writes nothing.
 */
public interface AuditTrail {
    /** Appends one event, in the current transaction if there is one. */
    void record(AuditEvent event);

    /** Counts one call made with a token (in memory: never I/O). */
    void noteTokenUse(AccountId account, TokenId token, ApiMethod method, ClientAddress address, String result,
                      Instant at);

    /** The events of one account, or of every account when none is given (the operator's view); newest first. */
    List<AuditEvent> events(Optional<AccountId> account, AuditQuery query);

    /** What each of the account's tokens was used for (its last addresses and the methods it called). */
    Map<TokenId, TokenUsage> usage(AccountId account);

    /** The methods the token called successfully since then. */
    Set<String> methodsUsed(TokenId token, Instant since);
}
