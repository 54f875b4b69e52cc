package dev.pat.persistence;

import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvSettings;
import dev.pat.domain.model.environment.EnvStatus;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.model.environment.NodeGroup;
import dev.pat.domain.port.out.EnvironmentStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Environments in {@code environments} (the name is the key, as it is a domain name), with the node groups they
 * were created with in {@code environment_node_groups}. Each update and removal is announced on the change feed
 * so that every node's cache forgets the environment ({@link CachingEnvironmentStore}).
 */
final class JdbiEnvironmentStore implements EnvironmentStore {
    private static final String COLUMNS = "name, account_id, status, app_id, created_on, changed_on, display_name,"
            + " ssl, ha, region";
    private static final String GROUP_COLUMNS = "env_name, node_group, node_type, node_count, fixed_cloudlets,"
            + " flexible_cloudlets, display_name";

    private final JdbiTransactions db;
    private final DigestChanges changes;

    JdbiEnvironmentStore(JdbiTransactions db, DigestChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    /** A row, before its node groups are read. */
    private record Row(EnvName name, AccountId owner, EnvStatus status, String appId, long createdOn, long changedOn,
                       Optional<String> displayName, boolean ssl, boolean ha, Optional<String> region) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(new EnvName(rs.getString("name")), new AccountId(rs.getLong("account_id")),
                    EnvStatus.ofCode(rs.getInt("status")), rs.getString("app_id"), rs.getLong("created_on"),
                    rs.getLong("changed_on"), Optional.ofNullable(rs.getString("display_name")),
                    rs.getInt("ssl") != 0, rs.getInt("ha") != 0, Optional.ofNullable(rs.getString("region")));
        }

        Environment with(List<NodeGroup> groups) {
            return new Environment(name, owner, status, appId, Times.load(createdOn), Times.load(changedOn),
                    new EnvSettings(displayName, ssl, ha, region, groups));
        }
    }

    @Override
    public boolean add(Environment e) {
        return db.inTransaction(() -> db.withHandle(h -> {
            boolean added = h.createUpdate("INSERT INTO environments (" + COLUMNS + ") VALUES (:name, :account,"
                            + " :status, :app, :created, :changed, :display, :ssl, :ha, :region)"
                            + " ON CONFLICT (name) DO NOTHING")
                    .bind("name", e.name().value())
                    .bind("account", e.owner().value())
                    .bind("status", e.status().code())
                    .bind("app", e.appId())
                    .bind("created", Times.store(e.createdOn()))
                    .bind("changed", Times.store(e.changedOn()))
                    .bind("display", e.settings().displayName().orElse(null))
                    .bind("ssl", e.settings().sslState() ? 1 : 0)
                    .bind("ha", e.settings().haEnabled() ? 1 : 0)
                    .bind("region", e.settings().region().orElse(null))
                    .execute() == 1;
            if (added && !e.settings().nodeGroups().isEmpty()) {
                PreparedBatch groups = h.prepareBatch("INSERT INTO environment_node_groups (env_name, position,"
                        + " node_group, node_type, node_count, fixed_cloudlets, flexible_cloudlets, display_name)"
                        + " VALUES (:env, :position, :group, :type, :count, :fixed, :flexible, :display)");
                List<NodeGroup> nodeGroups = e.settings().nodeGroups();
                for (int i = 0; i < nodeGroups.size(); i++) {
                    NodeGroup g = nodeGroups.get(i);
                    groups.bind("env", e.name().value()).bind("position", i).bind("group", g.name())
                            .bind("type", g.nodeType()).bind("count", g.count()).bind("fixed", g.fixedCloudlets())
                            .bind("flexible", g.flexibleCloudlets()).bind("display", g.displayName().orElse(null))
                            .add();
                }
                groups.execute();
            }
            return added;
        }));
    }

    @Override
    public Optional<Environment> byName(EnvName name) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM environments WHERE name = :name")
                .bind("name", name.value()).map((rs, ctx) -> Row.of(rs)).findOne()
                .map(row -> row.with(groupsOf(h, row.name().value()))));
    }

    @Override
    public List<Environment> ofAccount(AccountId owner) {
        return db.withHandle(h -> {
            List<Row> rows = h.createQuery("SELECT " + COLUMNS + " FROM environments WHERE account_id = :a"
                    + " ORDER BY name").bind("a", owner.value()).map((rs, ctx) -> Row.of(rs)).list();
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<String, List<NodeGroup>> groups = groups(h, rows.stream().map(r -> r.name().value()).toList());
            return rows.stream().map(r -> r.with(groups.getOrDefault(r.name().value(), List.of()))).toList();
        });
    }

    /** One environment's node groups: a plain statement, as GetEnvInfo reads it on every call. */
    private static List<NodeGroup> groupsOf(Handle h, String name) {
        return h.createQuery("SELECT " + GROUP_COLUMNS + " FROM environment_node_groups WHERE env_name = :name"
                        + " ORDER BY position")
                .bind("name", name).map((rs, ctx) -> group(rs)).list();
    }

    private static NodeGroup group(ResultSet rs) throws SQLException {
        return new NodeGroup(rs.getString("node_group"), rs.getString("node_type"), rs.getInt("node_count"),
                rs.getInt("fixed_cloudlets"), rs.getInt("flexible_cloudlets"),
                Optional.ofNullable(rs.getString("display_name")));
    }

    private static Map<String, List<NodeGroup>> groups(Handle h, List<String> names) {
        Map<String, List<NodeGroup>> groups = new LinkedHashMap<>();
        h.createQuery("SELECT " + GROUP_COLUMNS + " FROM environment_node_groups WHERE env_name IN (<names>)"
                        + " ORDER BY env_name, position")
                .bindList("names", names)
                .map((rs, ctx) -> Map.entry(rs.getString("env_name"), group(rs)))
                .forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return groups;
    }

    @Override
    public void update(Environment e) {
        db.inTransaction(() -> db.withHandle(h -> {
            h.createUpdate("UPDATE environments SET status = :status, changed_on = :changed,"
                            + " display_name = :display WHERE name = :name")
                    .bind("status", e.status().code())
                    .bind("changed", Times.store(e.changedOn()))
                    .bind("display", e.settings().displayName().orElse(null))
                    .bind("name", e.name().value())
                    .execute();
            changes.announce(h, List.of(CachingEnvironmentStore.key(e.name())));
            return null;
        }));
    }

    @Override
    public void remove(EnvName name) {
        db.inTransaction(() -> db.withHandle(h -> {
            h.createUpdate("DELETE FROM environments WHERE name = :name").bind("name", name.value()).execute();
            changes.announce(h, List.of(CachingEnvironmentStore.key(name)));
            return null;
        }));
    }
}
