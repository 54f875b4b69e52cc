package dev.pat.persistence;

import dev.pat.domain.model.AddressRange;
import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiMethod;
import dev.pat.domain.model.catalog.ApiMethodInfo;
import dev.pat.domain.model.token.AccessToken;
import dev.pat.domain.model.token.AddressRestriction;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.EnvRestriction;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.PreviousValue;
import dev.pat.domain.model.token.Scope;
import dev.pat.domain.model.token.TokenHint;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.model.token.TokenPolicies;
import dev.pat.domain.port.out.TokenStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Access tokens in {@code access_tokens}; retired values' digests in {@code retired_digests}. */
final class JdbiTokenStore implements TokenStore {
    private static final String COLUMNS = "id, account_id, description, api_set, api_list, expires_at, created_on,"
            + " last_used, digest, hint, env_names, allowed_ips, rate_limit, idle_days, active_since,"
            + " previous_digest, previous_hint, previous_until, previous_last_used, revoked_at";
    private static final RowMapper<AccessToken> ROW = (rs, ctx) -> AccessToken.rebuild(
            new TokenId(rs.getLong("id")), new AccountId(rs.getLong("account_id")),
            new Description(rs.getString("description")),
            new Scope(Optional.ofNullable(rs.getString("api_set")), Arrays.stream(rs.getString("api_list").split(","))
                    .map(JdbiTokenStore::method).collect(Collectors.toCollection(LinkedHashSet::new))),
            expiry(rs.getLong("expires_at")), policies(rs), Times.load(rs.getLong("created_on")),
            Times.load(rs.getLong("active_since")), time(rs, "last_used"),
            new Digest(rs.getString("digest")), new TokenHint(rs.getString("hint")), previous(rs),
            time(rs, "revoked_at"));

    private static TokenPolicies policies(ResultSet rs) throws SQLException {
        return new TokenPolicies(new EnvRestriction(items(rs.getString("env_names"))),
                new AddressRestriction(items(rs.getString("allowed_ips")).stream().map(AddressRange::new).toList()),
                number(rs, "rate_limit"), number(rs, "idle_days"));
    }

    private static Optional<PreviousValue> previous(ResultSet rs) throws SQLException {
        String digest = rs.getString("previous_digest");
        return digest == null ? Optional.empty() : Optional.of(new PreviousValue(new Digest(digest),
                new TokenHint(rs.getString("previous_hint")), Times.load(rs.getLong("previous_until")),
                time(rs, "previous_last_used")));
    }

    private static List<String> items(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }

    private static String joined(List<String> items) {
        return items.isEmpty() ? null : String.join(",", items);
    }

    private static Optional<Integer> number(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /** The catalog's own instance where there is one, so tokens held in memory share them. */
    private static ApiMethod method(String name) {
        return ApiCatalog.platform().find(name).map(ApiMethodInfo::method).orElseGet(() -> ApiMethod.parse(name));
    }

    /** A token that never expires is stored with the largest end there is. */
    private static final long NEVER = Long.MAX_VALUE;

    private static Optional<Expiry> expiry(long stored) {
        return stored == NEVER ? Optional.empty() : Optional.of(new Expiry(Times.load(stored)));
    }

    private static long expiry(Optional<Expiry> expiry) {
        return expiry.map(e -> Times.store(e.end())).orElse(NEVER);
    }

    private static Optional<Instant> time(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Times.load(millis));
    }

    private final JdbiTransactions db;
    private final Dialect dialect;
    private final BatchedUsageRecorder usage;
    private final java.util.function.Supplier<Instant> now;
    private final DigestChanges changes;

    JdbiTokenStore(JdbiTransactions db, Dialect dialect, BatchedUsageRecorder usage,
                   java.util.function.Supplier<Instant> now, DigestChanges changes) {
        this.db = db;
        this.dialect = dialect;
        this.usage = usage;
        this.now = now;
        this.changes = changes;
    }

    @Override
    public AccessToken add(AccessToken token) {
        long id = write(h -> {
            long assigned = bindSettings(h.createQuery("INSERT INTO access_tokens (account_id, description,"
                        + " api_set, api_list, expires_at, env_names, allowed_ips, rate_limit, idle_days, active_since,"
                        + " created_on, last_used, digest, hint) VALUES (:account, :description, :apiSet, :apiList,"
                        + " :expires, :envNames, :allowedIps, :rateLimit, :idleDays, :activeSince, :created, NULL,"
                        + " :digest, :hint) RETURNING id"), token)
                .bind("account", token.owner().value())
                .bind("created", Times.store(token.createdOn()))
                .bind("digest", token.digest().hex())
                .bind("hint", token.hint().value())
                .mapTo(Long.class).one();
            changes.announce(h, List.of(token.digest()));
            return assigned;
        });
        return token.withId(new TokenId(id));
    }

    @Override
    public Optional<AccessToken> byId(TokenId id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM access_tokens WHERE id = :id")
                .bind("id", id.value()).map(ROW).findOne()).map(this::withPendingUse);
    }

    @Override
    public Lookup byDigest(Digest digest) {
        return db.withHandle(h -> {
            // a value, or the previous value of a token in its overlap (the core decides whether that still works)
            Optional<AccessToken> live = h.createQuery("SELECT " + COLUMNS + " FROM access_tokens"
                    + " WHERE digest = :digest UNION ALL SELECT " + COLUMNS + " FROM access_tokens"
                    + " WHERE previous_digest = :digest").bind("digest", digest.hex()).map(ROW).findFirst();
            if (live.isPresent()) {
                return new Found(live.get());
            }
            // only a value that is not live costs this second lookup
            return h.createQuery("SELECT reason, retired_at FROM retired_digests WHERE digest = :digest")
                    .bind("digest", digest.hex())
                    .map((rs, ctx) -> (Lookup) new Retired(Retirement.valueOf(rs.getString("reason")),
                            Times.load(rs.getLong("retired_at"))))
                    .findOne().orElse(new Unknown());
        });
    }

    @Override
    public List<AccessToken> ofAccount(AccountId owner) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM access_tokens WHERE account_id = :a"
                + " ORDER BY id").bind("a", owner.value()).map(ROW).list()).stream().map(this::withPendingUse).toList();
    }

    @Override
    public List<AccessToken> all() {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM access_tokens ORDER BY id")
                .map(ROW).list()).stream().map(this::withPendingUse).toList();
    }

    @Override
    public void lockTokensOf(AccountId owner) {
        if (!db.inTransaction()) {
            throw new IllegalStateException("a lock is held until a transaction ends: call this inside one");
        }
        if (dialect == Dialect.POSTGRESQL) {
            // the account's row is the lock; SQLite needs none, as its transactions take the write lock up front
            db.withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE id = :a FOR UPDATE")
                    .bind("a", owner.value()).mapTo(Long.class).findOne());
        }
    }

    @Override
    public int countOf(AccountId owner) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM access_tokens WHERE account_id = :a")
                .bind("a", owner.value()).mapTo(Integer.class).one());
    }

    @Override
    public void saveSettings(AccessToken token) {
        write(h -> {
            // the value is never written here: the row keeps whatever value it holds now, and that is announced
            List<Digest> current = bindSettings(h.createQuery("UPDATE access_tokens SET description = :description,"
                            + " api_set = :apiSet, api_list = :apiList, expires_at = :expires, env_names = :envNames,"
                            + " allowed_ips = :allowedIps, rate_limit = :rateLimit, idle_days = :idleDays,"
                            + " active_since = :activeSince WHERE id = :id RETURNING digest, previous_digest"), token)
                    .bind("id", token.id().value())
                    .map((rs, ctx) -> digests(rs)).findOne().orElse(List.of());
            if (!current.isEmpty()) {
                changes.announce(h, current);
            }
            return null;
        });
    }

    @Override
    public void replaceValue(AccessToken renewed, Digest replaced) {
        write(h -> {
            // a value still in an earlier overlap is dropped: caches must forget it too
            Optional<String> earlier = h.createQuery("SELECT previous_digest FROM access_tokens WHERE id = :id")
                    .bind("id", renewed.id().value()).mapTo(String.class).findOne();
            Optional<PreviousValue> previous = renewed.previous();
            int updated = h.createUpdate("UPDATE access_tokens SET digest = :digest, hint = :hint,"
                            + " expires_at = :expires, active_since = :activeSince, previous_digest = :previousDigest,"
                            + " previous_hint = :previousHint, previous_until = :previousUntil,"
                            + " previous_last_used = NULL, revoked_at = NULL WHERE id = :id AND digest = :replaced")
                    .bind("digest", renewed.digest().hex())
                    .bind("hint", renewed.hint().value())
                    .bind("expires", expiry(renewed.expiry()))
                    .bind("activeSince", Times.store(renewed.activeSince()))
                    .bind("previousDigest", previous.map(p -> p.digest().hex()).orElse(null))
                    .bind("previousHint", previous.map(p -> p.hint().value()).orElse(null))
                    .bind("previousUntil", previous.map(p -> Times.store(p.worksUntil())).orElse(null))
                    .bind("id", renewed.id().value())
                    .bind("replaced", replaced.hex())
                    .execute();
            if (updated != 1) {
                throw new IllegalStateException("token " + renewed.id().value() + " no longer holds that value");
            }
            retire(h, List.of(replaced), Retirement.REPLACED);
            List<Digest> announced = new ArrayList<>(List.of(replaced, renewed.digest()));
            earlier.map(Digest::new).filter(d -> !d.equals(replaced)).ifPresent(announced::add);
            changes.announce(h, announced);
            return null;
        });
    }

    @Override
    public void revokeForLeak(AccessToken revoked, Digest value) {
        write(h -> {
            // a value in an overlap goes with the token: caches must forget it too
            Optional<String> previous = h.createQuery("SELECT previous_digest FROM access_tokens WHERE id = :id")
                    .bind("id", revoked.id().value()).mapTo(String.class).findOne();
            int updated = h.createUpdate("UPDATE access_tokens SET revoked_at = :at, previous_digest = NULL,"
                            + " previous_hint = NULL, previous_until = NULL, previous_last_used = NULL"
                            + " WHERE id = :id AND digest = :value")
                    .bind("at", Times.store(revoked.revokedForLeak().orElseThrow()))
                    .bind("id", revoked.id().value()).bind("value", value.hex()).execute();
            if (updated == 1) {
                List<Digest> announced = new ArrayList<>(List.of(value));
                previous.map(Digest::new).ifPresent(announced::add);
                changes.announce(h, announced);
            }
            return null;
        });
    }

    @Override
    public void endGracePeriod(AccessToken token, Digest previous) {
        write(h -> {
            int updated = h.createUpdate("UPDATE access_tokens SET previous_digest = NULL, previous_hint = NULL,"
                            + " previous_until = NULL, previous_last_used = NULL"
                            + " WHERE id = :id AND previous_digest = :previous")
                    .bind("id", token.id().value()).bind("previous", previous.hex()).execute();
            if (updated == 1) {
                changes.announce(h, List.of(previous));
            }
            return null;
        });
    }

    @Override
    public void remove(Collection<TokenId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        write(h -> {
            // exactly what was deleted is retired and announced, not what was read before
            List<Digest> removed = h.createQuery("DELETE FROM access_tokens WHERE id IN (<ids>)"
                            + " RETURNING digest, previous_digest")
                    .bindList("ids", ids.stream().map(TokenId::value).toList())
                    .map((rs, ctx) -> digests(rs)).list().stream().flatMap(List::stream).toList();
            if (!removed.isEmpty()) {
                retire(h, removed, Retirement.REMOVED);
                changes.announce(h, removed);
            }
            for (String summary : List.of("token_method_calls", "token_addresses")) {
                h.createUpdate("DELETE FROM " + summary + " WHERE token_id IN (<ids>)")
                        .bindList("ids", ids.stream().map(TokenId::value).toList()).execute();
            }
            return null;
        });
    }

    /** A write and its announcement, in one transaction (the use case's own, when there is one). */
    private <T> T write(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        return db.inTransaction(() -> db.withHandle(work));
    }

    private void retire(Handle h, List<Digest> digests, Retirement why) {
        PreparedBatch insert = h.prepareBatch("INSERT INTO retired_digests (digest, reason, retired_at)"
                + " VALUES (:digest, :reason, :at) ON CONFLICT (digest) DO NOTHING");
        long at = Times.store(now.get());
        digests.forEach(d -> insert.bind("digest", d.hex()).bind("reason", why.name()).bind("at", at).add());
        insert.execute();
    }

    private AccessToken withPendingUse(AccessToken token) {
        AccessToken used = usage.pendingFor(token.id())
                .filter(at -> token.lastUsed().map(at::isAfter).orElse(true))
                .map(token::withLastUsed).orElse(token);
        return used.previous().flatMap(p -> usage.pendingForPrevious(p.digest())
                        .filter(at -> p.lastUsed().map(at::isAfter).orElse(true)))
                .map(used::withPreviousLastUsed).orElse(used);
    }

    /** A row's value digest, and its previous value's while it has one. */
    private static List<Digest> digests(ResultSet rs) throws SQLException {
        String previous = rs.getString("previous_digest");
        Digest current = new Digest(rs.getString("digest"));
        return previous == null ? List.of(current) : List.of(current, new Digest(previous));
    }

    /** Binds what {@link #saveSettings} writes: everything but the values. */
    private static <S extends SqlStatement<S>> S bindSettings(S statement, AccessToken token) {
        TokenPolicies policies = token.policies();
        return statement.bind("description", token.description().value())
                .bind("apiSet", token.scope().apiSetId().orElse(null))
                .bind("apiList", apiList(token.scope()))
                .bind("expires", expiry(token.expiry()))
                .bind("envNames", joined(policies.envNames().patterns()))
                .bind("allowedIps", joined(policies.allowedIps().ranges().stream().map(AddressRange::cidr).toList()))
                .bind("rateLimit", policies.rateLimit().orElse(null))
                .bind("idleDays", policies.idleDays().orElse(null))
                .bind("activeSince", Times.store(token.activeSince()));
    }

    private static String apiList(Scope scope) {
        return scope.methods().stream().map(ApiMethod::canonical).collect(Collectors.joining(","));
    }
}
