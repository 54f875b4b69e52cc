package dev.pat.domain.service;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.Digest;
import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.audit.Actor;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditKind;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.in.ReportLeaks;
import dev.pat.domain.port.out.AuditTrail;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.Transactions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Kills leaked values by the values alone. A live value stops working at once on every node (its token is marked
 * revoked for a leak and stays listed so, until regenerated); an old value still in a rotation's overlap just stops;
 * anything else is ignored. The owner finds an audit event saying so. The reporter learns nothing either way.
 */
final class LeakResponse implements ReportLeaks {
    /** Leak reports a minute from one address. */
    static final int REPORTS_PER_MINUTE = 30;

    private final TokenStore tokens;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final CallLimiter calls;
    private final Clock clock;

    LeakResponse(TokenStore tokens, Transactions transactions, AuditTrail audit, CallLimiter calls, Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.audit = audit;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void report(List<String> keys, ClientAddress from) {
        calls.unauthenticated(from);
        calls.leakReports(from, REPORTS_PER_MINUTE);
        if (keys.isEmpty()) {
            throw new InvalidInput("keys", "required: the leaked token values");
        }
        if (keys.size() > MAX_KEYS) {
            throw new InvalidInput("keys", "lists " + keys.size() + " values; at most " + MAX_KEYS + " a call");
        }
        revoke(keys, Actor.ANONYMOUS, from);
    }

    /** Revokes the live values among {@code keys}; answers how many there were (for the operator only). */
    int revoke(List<String> keys, Actor actor, ClientAddress from) {
        int revoked = 0;
        for (String key : keys) {
            Optional<TokenValue> value = TokenValue.parse(key == null ? "" : key.strip());
            if (value.isPresent() && revoke(value.get().digest(), actor, from)) {
                revoked++;
            }
        }
        return revoked;
    }

    private boolean revoke(Digest digest, Actor actor, ClientAddress from) {
        if (!(tokens.byDigest(digest) instanceof TokenStore.Found found)) {
            return false;
        }
        return transactions.inTransaction(() -> {
            tokens.lockTokensOf(found.token().owner());
            Optional<AccessToken> current = tokens.byId(found.token().id());
            if (current.isEmpty()) {
                return false;
            }
            AccessToken token = current.get();
            Instant now = clock.now();
            String what;
            switch (token.match(digest, now)) {
                case CURRENT -> {
                    if (token.revokedForLeak().isPresent()) {
                        return false;
                    }
                    tokens.revokeForLeak(token.revokeForLeak(now), digest);
                    what = "its value " + token.hint().value() + " was reported leaked: it no longer works;"
                            + " regenerate the token for a new one";
                }
                case PREVIOUS -> {
                    tokens.endGracePeriod(token.endGracePeriod(), digest);
                    what = "its old value " + token.previous().orElseThrow().hint().value()
                            + " (in its overlap) was reported leaked: it no longer works";
                }
                default -> {
                    return false;
                }
            }
            audit.record(new AuditEvent(now, Optional.of(token.owner()), actor, from,
                    AuditKind.TOKEN_REVOKED_FOR_LEAK, Optional.of(token.id()), Optional.empty(), what,
                    AuditEvent.OK, 1));
            return true;
        });
    }
}
