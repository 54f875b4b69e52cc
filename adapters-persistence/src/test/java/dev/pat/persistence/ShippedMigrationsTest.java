package dev.pat.persistence;

import dev.pat.persistence.testing.DatabaseFixture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node opens a current database without Flyway, and leaves everything else to it: the list of shipped migrations
 * is Flyway's own record of the scripts, a changed script or a failed migration is still refused, and nodes starting
 * together on a new database all open it.
 */
abstract class ShippedMigrationsTest {
    private final String url = freshDatabaseUrl();

    protected abstract String freshDatabaseUrl();

    /**
     * How many new databases eight nodes start on together: on SQLite a start could fail at random, one round in
     * twenty or so (its first connection found the new file busy), so the test takes many.
     */
    protected abstract int roundsOfStartingTogether();

    private static Jdbi raw(Database db) {
        return Jdbi.create(db.dataSource());
    }

    @Test
    void the_list_shipped_is_what_flyway_records_for_the_scripts_shipped() throws IOException {
        List<String> recorded;
        try (Database db = DatabaseFixture.open(url, Instant::now)) {
            recorded = raw(db).withHandle(h -> h.createQuery("SELECT version, checksum, script"
                    + " FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                    .map((rs, ctx) -> rs.getString("version") + " " + rs.getInt("checksum") + " "
                            + rs.getString("script")).list());
        }
        List<String> listed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ShippedMigrations.RESOURCE)) {
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        assertThat(listed).as("%s must list, after its comments:%n%s", ShippedMigrations.RESOURCE,
                String.join(System.lineSeparator(), recorded)).isEqualTo(recorded);
        assertThat(ShippedMigrations.load().newest()).isEqualTo(recorded.get(recorded.size() - 1).split(" ")[0]);
    }

    @Test
    void a_current_database_is_opened_without_loading_flyway_and_a_new_one_with_it() throws Exception {
        assertThat(classesLoadedOpening(url)).as("opening a new database").contains(" org.flywaydb.core.Flyway ");
        String reopening = classesLoadedOpening(url);
        assertThat(reopening).as("opening it again").contains(" dev.pat.persistence.ShippedMigrations ");
        assertThat(reopening.lines().filter(line -> line.contains("org.flywaydb")).limit(3))
                .as("Flyway's classes loaded opening it again").isEmpty();
        try (Database db = DatabaseFixture.open(url, Instant::now)) {
            assertThat(db.schemaIsCurrent()).isTrue();
            assertThat(db.schemaVersion()).isEqualTo(ShippedMigrations.load().newest());
        }
    }

    @Test
    void nodes_starting_together_on_a_new_database_all_open_it_current() throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < roundsOfStartingTogether(); round++) {
                String fresh = freshDatabaseUrl();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Database>> opening = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    opening.add(pool.submit(() -> {
                        start.await();
                        return DatabaseFixture.open(fresh, Instant::now);
                    }));
                }
                start.countDown();
                for (Future<Database> node : opening) {
                    try (Database db = node.get(60, TimeUnit.SECONDS)) {
                        assertThat(db.schemaIsCurrent()).as("round %d", round).isTrue();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_script_changed_since_it_was_applied_is_still_refused_by_flyway() {
        try (Database db = DatabaseFixture.open(url, Instant::now)) {
            raw(db).useHandle(h -> h.execute("UPDATE flyway_schema_history SET checksum = checksum + 1"
                    + " WHERE version = '3'"));
        }
        assertThatThrownBy(() -> DatabaseFixture.open(url, Instant::now).close())
                .hasMessageContaining("checksum mismatch").hasMessageContaining("3");
    }

    @Test
    void a_failed_migration_is_still_refused_by_flyway() {
        String newest = ShippedMigrations.load().newest();
        try (Database db = DatabaseFixture.open(url, Instant::now)) {
            raw(db).useHandle(h -> h.createUpdate("UPDATE flyway_schema_history SET success = false"
                    + " WHERE version = :newest").bind("newest", newest).execute());
        }
        assertThatThrownBy(() -> DatabaseFixture.open(url, Instant::now).close())
                .hasMessageContaining("failed migration").hasMessageContaining(newest);
    }

    /** The classes a fresh JVM loads opening the database at that URL, one per line as {@code -Xlog} prints them. */
    private static String classesLoadedOpening(String url) throws Exception {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"),
                Opener.class.getName(), url).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the opening process ended").isTrue();
        String loaded = out.toString(StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("the opening process failed:%n%s", loaded).isZero();
        return loaded;
    }

    /** Opens the database at the URL given, as a node starting does, and closes it. */
    public static final class Opener {
        public static void main(String[] args) {
            DatabaseFixture.open(args[0], Instant::now).close();
        }
    }
}
