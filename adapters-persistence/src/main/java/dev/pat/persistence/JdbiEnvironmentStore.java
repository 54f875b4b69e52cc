package dev.pat.persistence;

import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvStatus;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.port.out.EnvironmentStore;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Environments in the {@code environments} table; the name is the key, as it is a domain name. */
final class JdbiEnvironmentStore implements EnvironmentStore {
    private static final String COLUMNS = "name, account_id, status, app_id, created_on, changed_on";
    private static final RowMapper<Environment> ROW = (rs, ctx) -> new Environment(new EnvName(rs.getString("name")),
            new AccountId(rs.getLong("account_id")), EnvStatus.ofCode(rs.getInt("status")), rs.getString("app_id"),
            Times.load(rs.getLong("created_on")), Times.load(rs.getLong("changed_on")));

    private final JdbiTransactions db;

    JdbiEnvironmentStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public boolean add(Environment e) {
        return db.withHandle(h -> h.createUpdate("INSERT INTO environments (" + COLUMNS + ") VALUES (:name,"
                        + " :account, :status, :app, :created, :changed) ON CONFLICT (name) DO NOTHING")
                .bind("name", e.name().value())
                .bind("account", e.owner().value())
                .bind("status", e.status().code())
                .bind("app", e.appId())
                .bind("created", Times.store(e.createdOn()))
                .bind("changed", Times.store(e.changedOn()))
                .execute()) == 1;
    }

    @Override
    public Optional<Environment> byName(EnvName name) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM environments WHERE name = :name")
                .bind("name", name.value()).map(ROW).findOne());
    }

    @Override
    public List<Environment> ofAccount(AccountId owner) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM environments WHERE account_id = :a"
                + " ORDER BY name").bind("a", owner.value()).map(ROW).list());
    }

    @Override
    public void update(Environment e) {
        db.withHandle(h -> h.createUpdate("UPDATE environments SET status = :status, changed_on = :changed"
                        + " WHERE name = :name")
                .bind("status", e.status().code())
                .bind("changed", Times.store(e.changedOn()))
                .bind("name", e.name().value())
                .execute());
    }

    @Override
    public void remove(EnvName name) {
        db.withHandle(h -> h.createUpdate("DELETE FROM environments WHERE name = :name")
                .bind("name", name.value()).execute());
    }
}
