package dev.pat.persistence;

import org.jdbi.v3.core.Jdbi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The migrations this node ships, as Flyway records them once applied: the version and checksum of each, in order,
 * listed in {@value #RESOURCE} (ShippedMigrationsTest keeps the list equal to Flyway's own reading of the scripts).
 * A database whose history holds exactly these, every one successful, is current and its scripts unchanged, so a
 * node opening it has nothing for Flyway to do and does not load it (about 580 classes: under load, 2.3 MB of class
 * metadata and 0.5 MB of symbols). Anything else (a new database, a pending or failed migration, a checksum that
 * differs, a migration this node does not know) is Flyway's to migrate or refuse, as before.
 */
final class ShippedMigrations {
    static final String RESOURCE = "db/migrations.list";

    /** One migration as Flyway's history records it. */
    record Migration(String version, int checksum) {
    }

    private final List<Migration> migrations;

    private ShippedMigrations(List<Migration> migrations) {
        if (migrations.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lists no migration");
        }
        this.migrations = List.copyOf(migrations);
    }

    /** The list shipped with this node. */
    static ShippedMigrations load() {
        try (InputStream in = ShippedMigrations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            List<Migration> migrations = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split("\\s+");
                try {
                    migrations.add(new Migration(fields[0], Integer.parseInt(fields[1])));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(RESOURCE + ": not \"version checksum script\": " + line, e);
                }
            }
            return new ShippedMigrations(migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " could not be read", e);
        }
    }

    /** The newest version, the one a current database is at. */
    String newest() {
        return migrations.get(migrations.size() - 1).version();
    }

    /**
     * Whether the database's migration history is exactly this list, every migration successful: false as well
     * when there is no history to read.
     */
    boolean appliedIn(Jdbi jdbi) {
        List<Applied> history;
        try {
            history = jdbi.withHandle(h -> h.createQuery("SELECT version, checksum, type, success"
                    + " FROM flyway_schema_history ORDER BY installed_rank").map((rs, ctx) -> {
                        int checksum = rs.getInt("checksum");
                        return new Applied(rs.getString("version"), rs.wasNull() ? null : checksum,
                                rs.getString("type"), rs.getBoolean("success"));
                    }).list());
        } catch (RuntimeException noHistory) {
            return false;
        }
        List<Migration> applied = new ArrayList<>();
        for (Applied row : history) {
            if (!row.success()) {
                return false;
            }
            if (row.version() != null) {
                if (!"SQL".equals(row.type()) || row.checksum() == null) {
                    return false;
                }
                applied.add(new Migration(row.version(), row.checksum()));
            }
        }
        return applied.equals(migrations);
    }

    /** A row of Flyway's history: rows without a version record what Flyway itself created (a schema, a table). */
    private record Applied(String version, Integer checksum, String type, boolean success) {
    }
}
