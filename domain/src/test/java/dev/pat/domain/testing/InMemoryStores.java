package dev.pat.domain.testing;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.AttemptPolicy;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.model.account.TotpSecret;
import dev.pat.domain.model.audit.Actor;
import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.audit.AuditKind;
import dev.pat.domain.model.audit.AuditQuery;
import dev.pat.domain.model.audit.TokenUsage;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.out.AccountStore;
import dev.pat.domain.port.out.AttemptCounters;
import dev.pat.domain.port.out.AuditTrail;
import dev.pat.domain.port.out.CallCounter;
import dev.pat.domain.port.out.EnvironmentStore;
import dev.pat.domain.port.out.SessionStore;
import dev.pat.domain.port.out.TokenStore;
import dev.pat.domain.port.out.Transactions;
import dev.pat.domain.port.out.UsageRecorder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every outgoing store port in memory, with transactions that roll back: what a failed use case changed is
 * restored, so tests can check that nothing was applied in part.
 */
public final class InMemoryStores implements Transactions {

    private record State(Map<Long, Account> accounts, Map<Digest, Session> sessions, Map<Long, AccessToken> tokens,
                         Map<Digest, TokenStore.Retired> retired, Map<EnvName, Environment> environments) {
        State copy() {
            return new State(new LinkedHashMap<>(accounts), new LinkedHashMap<>(sessions),
                    new LinkedHashMap<>(tokens), new LinkedHashMap<>(retired), new LinkedHashMap<>(environments));
        }
    }

    private State state = new State(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
            new LinkedHashMap<>(), new LinkedHashMap<>());
    private long nextAccountId = 1;
    private long nextTokenId = 1;
    private int depth;
    private final PinnedClock clock;

    public InMemoryStores(PinnedClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        State before = depth == 0 ? state.copy() : null;
        depth++;
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (before != null) {
                state = before;
            }
            throw e;
        } finally {
            depth--;
        }
    }

    public final AccountStore accounts = new AccountStore() {
        @Override
        public Account add(Account account) {
            synchronized (InMemoryStores.this) {
                Account stored = account.withId(new AccountId(nextAccountId++));
                state.accounts.put(stored.id().value(), stored);
                return stored;
            }
        }

        @Override
        public Optional<Account> byId(AccountId id) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(state.accounts.get(id.value()));
            }
        }

        @Override
        public Optional<Account> byLogin(Login login) {
            synchronized (InMemoryStores.this) {
                return state.accounts.values().stream().filter(a -> a.login().equals(login)).findFirst();
            }
        }

        @Override
        public void changePasswordHash(AccountId id, PasswordHash hash) {
            synchronized (InMemoryStores.this) {
                Account a = state.accounts.get(id.value());
                if (a != null) {
                    state.accounts.put(id.value(), Account.rebuild(a.id(), a.login(), a.name(), hash, a.twoFactor(),
                            a.lastTotpStep(), a.createdOn()));
                }
            }
        }

        @Override
        public void changeTwoFactor(AccountId id, Optional<TotpSecret> secret, long provenAtStep) {
            synchronized (InMemoryStores.this) {
                Account a = state.accounts.get(id.value());
                if (a != null) {
                    state.accounts.put(id.value(), Account.rebuild(a.id(), a.login(), a.name(), a.passwordHash(),
                            secret, Math.max(a.lastTotpStep(), provenAtStep), a.createdOn()));
                }
            }
        }

        @Override
        public List<Account> all() {
            synchronized (InMemoryStores.this) {
                return List.copyOf(state.accounts.values());
            }
        }

        @Override
        public boolean recordTotpStep(AccountId id, long step) {
            synchronized (InMemoryStores.this) {
                Account account = state.accounts.get(id.value());
                if (account == null) {
                    return false;
                }
                Optional<Account> accepted = account.acceptTotpStep(step);
                accepted.ifPresent(a -> state.accounts.put(id.value(), a));
                return accepted.isPresent();
            }
        }
    };

    public final SessionStore sessions = new SessionStore() {
        @Override
        public void add(Session session) {
            synchronized (InMemoryStores.this) {
                state.sessions.put(session.digest(), session);
            }
        }

        @Override
        public Optional<Session> byDigest(Digest digest) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(state.sessions.get(digest));
            }
        }

        @Override
        public void update(Session session) {
            add(session);
        }

        @Override
        public void remove(Digest digest) {
            synchronized (InMemoryStores.this) {
                state.sessions.remove(digest);
            }
        }

        @Override
        public void removeAllOf(AccountId account) {
            synchronized (InMemoryStores.this) {
                state.sessions.values().removeIf(s -> s.account().equals(account));
            }
        }
    };

    public final TokenStore tokens = new TokenStore() {
        @Override
        public AccessToken add(AccessToken token) {
            synchronized (InMemoryStores.this) {
                AccessToken stored = token.withId(new TokenId(nextTokenId++));
                state.tokens.put(stored.id().value(), stored);
                return stored;
            }
        }

        @Override
        public Optional<AccessToken> byId(TokenId id) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(state.tokens.get(id.value()));
            }
        }

        @Override
        public Lookup byDigest(Digest digest) {
            synchronized (InMemoryStores.this) {
                for (AccessToken token : state.tokens.values()) {
                    if (token.digest().equals(digest)
                            || token.previous().filter(p -> p.digest().equals(digest)).isPresent()) {
                        return new Found(token);
                    }
                }
                Retired retired = state.retired.get(digest);
                return retired != null ? retired : new Unknown();
            }
        }

        @Override
        public List<AccessToken> ofAccount(AccountId owner) {
            synchronized (InMemoryStores.this) {
                return state.tokens.values().stream().filter(t -> t.isOwnedBy(owner)).toList();
            }
        }

        @Override
        public List<AccessToken> all() {
            synchronized (InMemoryStores.this) {
                return List.copyOf(state.tokens.values());
            }
        }

        @Override
        public void lockTokensOf(AccountId owner) {
            // transactions here run one at a time already
        }

        @Override
        public int countOf(AccountId owner) {
            return ofAccount(owner).size();
        }

        @Override
        public void saveSettings(AccessToken token) {
            synchronized (InMemoryStores.this) {
                AccessToken stored = state.tokens.get(token.id().value());
                if (stored != null) {
                    // the settings of the token given, the values (and their uses) of the one stored
                    state.tokens.put(token.id().value(), AccessToken.rebuild(stored.id(), stored.owner(),
                            token.description(), token.scope(), token.expiry(), token.policies(), stored.createdOn(),
                            token.activeSince(), stored.lastUsed(), stored.digest(), stored.hint(),
                            stored.previous(), stored.revokedForLeak()));
                }
            }
        }

        @Override
        public void replaceValue(AccessToken renewed, Digest replaced) {
            synchronized (InMemoryStores.this) {
                AccessToken stored = state.tokens.get(renewed.id().value());
                if (stored == null || !stored.digest().equals(replaced)) {
                    throw new IllegalStateException("token " + renewed.id().value() + " no longer holds that value");
                }
                state.tokens.put(renewed.id().value(), AccessToken.rebuild(stored.id(), stored.owner(),
                        stored.description(), stored.scope(), renewed.expiry(), stored.policies(), stored.createdOn(),
                        renewed.activeSince(), stored.lastUsed(), renewed.digest(), renewed.hint(),
                        renewed.previous(), Optional.empty()));
                state.retired.put(replaced, new Retired(Retirement.REPLACED, clock.now()));
            }
        }

        @Override
        public void revokeForLeak(AccessToken revoked, Digest value) {
            synchronized (InMemoryStores.this) {
                AccessToken stored = state.tokens.get(revoked.id().value());
                if (stored != null && stored.digest().equals(value)) {
                    state.tokens.put(stored.id().value(), stored.revokeForLeak(revoked.revokedForLeak().orElseThrow()));
                }
            }
        }

        @Override
        public void endGracePeriod(AccessToken token, Digest previous) {
            synchronized (InMemoryStores.this) {
                AccessToken stored = state.tokens.get(token.id().value());
                if (stored != null && stored.previous().filter(p -> p.digest().equals(previous)).isPresent()) {
                    state.tokens.put(stored.id().value(), stored.endGracePeriod());
                }
            }
        }

        @Override
        public void remove(Collection<TokenId> ids) {
            synchronized (InMemoryStores.this) {
                for (TokenId id : ids) {
                    AccessToken removed = state.tokens.remove(id.value());
                    if (removed != null) {
                        state.retired.put(removed.digest(), new Retired(Retirement.REMOVED, clock.now()));
                        removed.previous().ifPresent(p -> state.retired.put(p.digest(),
                                new Retired(Retirement.REMOVED, clock.now())));
                    }
                }
            }
        }
    };

    public final UsageRecorder usage = new UsageRecorder() {
        @Override
        public void noteUsed(TokenId token, Instant at) {
            synchronized (InMemoryStores.this) {
                AccessToken current = state.tokens.get(token.value());
                if (current != null && current.lastUsed().map(at::isAfter).orElse(true)) {
                    state.tokens.put(token.value(), current.withLastUsed(at));
                }
            }
        }

        @Override
        public void notePreviousUsed(TokenId token, Digest previous, Instant at) {
            synchronized (InMemoryStores.this) {
                AccessToken current = state.tokens.get(token.value());
                if (current != null && current.previous().filter(p -> p.digest().equals(previous)).isPresent()) {
                    state.tokens.put(token.value(), current.withPreviousLastUsed(at));
                }
            }
        }
    };

    /** The audit trail in memory: events as recorded, token use as counted (one row per key and minute). */
    public final List<AuditEvent> auditEvents = new ArrayList<>();

    public final AuditTrail audit = new AuditTrail() {
        @Override
        public void record(AuditEvent event) {
            synchronized (InMemoryStores.this) {
                auditEvents.add(event);
            }
        }

        @Override
        public void noteTokenUse(AccountId account, TokenId token, ApiMethod method, ClientAddress address,
                                 String result, Instant at) {
            synchronized (InMemoryStores.this) {
                Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
                for (int i = 0; i < auditEvents.size(); i++) {
                    AuditEvent e = auditEvents.get(i);
                    if (e.kind() == AuditKind.TOKEN_USE && e.at().equals(minute) && e.token().equals(Optional.of(token))
                            && e.method().equals(Optional.of(method.canonical())) && e.address().equals(address)
                            && e.result().equals(result)) {
                        auditEvents.set(i, new AuditEvent(e.at(), e.account(), e.actor(), e.address(), e.kind(),
                                e.token(), e.method(), e.detail(), e.result(), e.calls() + 1));
                        return;
                    }
                }
                auditEvents.add(new AuditEvent(minute, Optional.of(account), Actor.token(token), address,
                        AuditKind.TOKEN_USE, Optional.of(token), Optional.of(method.canonical()), "", result, 1));
            }
        }

        @Override
        public List<AuditEvent> events(Optional<AccountId> account, AuditQuery query) {
            synchronized (InMemoryStores.this) {
                List<AuditEvent> newestFirst = new ArrayList<>(auditEvents);
                java.util.Collections.reverse(newestFirst);
                return newestFirst.stream()
                        .filter(e -> account.isEmpty() || e.account().equals(account))
                        .filter(e -> query.tokens().map(ids -> e.token().map(ids::contains).orElse(false))
                                .orElse(true))
                        .filter(e -> query.kind().map(k -> e.kind() == k).orElse(true))
                        .filter(e -> query.from().map(from -> !e.at().isBefore(from)).orElse(true))
                        .filter(e -> query.to().map(to -> e.at().isBefore(to)).orElse(true))
                        .sorted(Comparator.comparing(AuditEvent::at).reversed())
                        .skip(query.startRow()).limit(query.limit()).toList();
            }
        }

        @Override
        public Map<TokenId, TokenUsage> usage(AccountId account) {
            synchronized (InMemoryStores.this) {
                Map<TokenId, TokenUsage> usage = new HashMap<>();
                Map<TokenId, List<AuditEvent>> uses = new HashMap<>();
                auditEvents.stream().filter(e -> e.kind() == AuditKind.TOKEN_USE && e.account().equals(
                        Optional.of(account))).forEach(e -> uses.computeIfAbsent(e.token().orElseThrow(),
                        t -> new ArrayList<>()).add(e));
                uses.forEach((token, events) -> {
                    List<String> addresses = events.stream().sorted(Comparator.comparing(AuditEvent::at).reversed())
                            .map(e -> e.address().value()).distinct().limit(TokenUsage.ADDRESSES).toList();
                    Map<String, Long> calls = new java.util.TreeMap<>();
                    events.stream().filter(e -> e.result().equals(AuditEvent.OK))
                            .forEach(e -> calls.merge(e.method().orElseThrow(), e.calls(), Long::sum));
                    usage.put(token, new TokenUsage(addresses, calls.entrySet().stream()
                            .map(c -> new TokenUsage.MethodCalls(c.getKey(), c.getValue())).toList()));
                });
                return usage;
            }
        }

        @Override
        public Set<String> methodsUsed(TokenId token, Instant since) {
            synchronized (InMemoryStores.this) {
                return auditEvents.stream().filter(e -> e.kind() == AuditKind.TOKEN_USE
                                && e.token().equals(Optional.of(token)) && e.result().equals(AuditEvent.OK)
                                && !e.at().isBefore(since.truncatedTo(ChronoUnit.MINUTES)))
                        .map(e -> e.method().orElseThrow()).collect(Collectors.toCollection(java.util.TreeSet::new));
            }
        }
    };

    /** Failed-attempt counts, checked and counted under one lock as the database does in one transaction. */
    private record Count(int attempts, Instant windowStart, Instant waitUntil) {
    }

    public final AttemptCounters attempts = new AttemptCounters() {
        private final Map<String, Count> counts = new HashMap<>();
        private final Map<String, Instant> known = new HashMap<>();

        @Override
        public synchronized Optional<Instant> attempt(String key, AttemptPolicy.Rule rule, Instant now) {
            Count count = counts.get(key);
            if (count == null || (!now.isBefore(count.windowStart().plus(rule.window()))
                    && !now.isBefore(count.waitUntil()))) {
                count = new Count(0, now, Instant.EPOCH);
            }
            if (now.isBefore(count.waitUntil())) {
                return Optional.of(count.waitUntil());
            }
            int attempts = count.attempts() + 1;
            java.time.Duration wait = rule.waitAfter(attempts);
            counts.put(key, new Count(attempts, count.windowStart(), wait.isZero() ? Instant.EPOCH : now.plus(wait)));
            return Optional.empty();
        }

        @Override
        public synchronized void succeeded(String key, boolean forget) {
            Count count = counts.get(key);
            if (forget || count == null) {
                counts.remove(key);
            } else {
                counts.put(key, new Count(Math.max(0, count.attempts() - 1), count.windowStart(), count.waitUntil()));
            }
        }

        @Override
        public synchronized boolean knows(AccountId account, ClientAddress address, Instant since) {
            Instant last = known.get(account.value() + "|" + address.value());
            return last != null && !last.isBefore(since);
        }

        @Override
        public synchronized void remember(AccountId account, ClientAddress address, Instant now) {
            known.put(account.value() + "|" + address.value(), now);
        }
    };

    /** Calls per key and minute, in memory: on one node, exactly what the shared counter approximates. */
    public final CallCounter calls = new CallCounter() {
        private final Map<String, Long> counts = new HashMap<>();

        @Override
        public synchronized long count(String key, Instant now) {
            return counts.merge(key + "@" + now.getEpochSecond() / 60, 1L, Long::sum);
        }
    };

    public final EnvironmentStore environments = new EnvironmentStore() {
        @Override
        public boolean add(Environment environment) {
            synchronized (InMemoryStores.this) {
                return state.environments.putIfAbsent(environment.name(), environment) == null;
            }
        }

        @Override
        public Optional<Environment> byName(EnvName name) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(state.environments.get(name));
            }
        }

        @Override
        public List<Environment> ofAccount(AccountId owner) {
            synchronized (InMemoryStores.this) {
                return state.environments.values().stream().filter(e -> e.isOwnedBy(owner))
                        .sorted(java.util.Comparator.comparing(e -> e.name().value())).toList();
            }
        }

        @Override
        public void update(Environment environment) {
            synchronized (InMemoryStores.this) {
                state.environments.put(environment.name(), environment);
            }
        }

        @Override
        public void remove(EnvName name) {
            synchronized (InMemoryStores.this) {
                state.environments.remove(name);
            }
        }
    };

}
