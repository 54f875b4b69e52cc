package dev.pat.persistence;

import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.model.account.TotpSecret;
import dev.pat.domain.port.out.AccountStore;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Accounts in the {@code accounts} table. */
final class JdbiAccountStore implements AccountStore {
    private static final String COLUMNS = "id, login, name, password_hash, totp_secret, totp_last_step, created_on";
    private final RowMapper<Account> row;
    private final JdbiTransactions db;
    private final SecretSealer sealer;

    JdbiAccountStore(JdbiTransactions db, SecretSealer sealer) {
        this.db = db;
        this.sealer = sealer;
        this.row = (rs, ctx) -> Account.rebuild(
                new AccountId(rs.getLong("id")), new Login(rs.getString("login")),
                new DisplayName(rs.getString("name")), new PasswordHash(rs.getString("password_hash")),
                Optional.ofNullable(rs.getString("totp_secret")).map(sealer::open).map(TotpSecret::new),
                rs.getLong("totp_last_step"), Times.load(rs.getLong("created_on")));
    }

    @Override
    public Account add(Account account) {
        long id = db.withHandle(h -> h.createQuery("INSERT INTO accounts (login, name, password_hash, totp_secret,"
                        + " created_on) VALUES (:login, :name, :hash, :totp, :created) RETURNING id")
                .bind("login", account.login().value())
                .bind("name", account.name().value())
                .bind("hash", account.passwordHash().encoded())
                .bind("totp", account.twoFactor().map(TotpSecret::base32).map(sealer::seal).orElse(null))
                .bind("created", Times.store(account.createdOn()))
                .mapTo(Long.class).one());
        return account.withId(new AccountId(id));
    }

    @Override
    public Optional<Account> byId(AccountId id) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
                .bind("id", id.value()).map(row).findOne());
    }

    @Override
    public Optional<Account> byLogin(Login login) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE login = :login")
                .bind("login", login.value()).map(row).findOne());
    }

    @Override
    public void changePasswordHash(AccountId id, PasswordHash hash) {
        db.withHandle(h -> h.createUpdate("UPDATE accounts SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash.encoded()).bind("id", id.value()).execute());
    }

    @Override
    public void changeTwoFactor(AccountId id, Optional<TotpSecret> secret, long provenAtStep) {
        // the last accepted step only moves forward, whatever a concurrent sign-in recorded meanwhile
        db.withHandle(h -> h.createUpdate("UPDATE accounts SET totp_secret = :totp, totp_last_step ="
                        + " CASE WHEN totp_last_step < :step THEN :step ELSE totp_last_step END WHERE id = :id")
                .bind("totp", secret.map(TotpSecret::base32).map(sealer::seal).orElse(null))
                .bind("step", provenAtStep).bind("id", id.value()).execute());
    }

    @Override
    public boolean recordTotpStep(AccountId id, long step) {
        return db.withHandle(h -> h.createUpdate("UPDATE accounts SET totp_last_step = :step"
                + " WHERE id = :id AND totp_last_step < :step").bind("step", step).bind("id", id.value())
                .execute()) == 1;
    }

    @Override
    public List<Account> all() {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts ORDER BY id").map(row).list());
    }
}
