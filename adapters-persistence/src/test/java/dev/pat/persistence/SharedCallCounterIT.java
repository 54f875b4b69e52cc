package dev.pat.persistence;

import dev.pat.domain.testing.PinnedClock;
import dev.pat.persistence.testing.DatabaseFixture;
import dev.pat.persistence.testing.EmbeddedPostgresSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes count calls for the same key; each learns the other's calls once they are shared. */
class SharedCallCounterIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void every_node_learns_the_others_calls_at_the_next_sharing(String database) {
        String url = database.equals("sqlite") ? DatabaseFixture.freshSqliteUrl()
                : EmbeddedPostgresSupport.freshDatabaseUrl();
        PinnedClock clock = new PinnedClock(HotPathTest.T0);
        Instant now = Instant.now();
        try (Node a = Node.on(url, clock, 1); Node b = Node.on(url, clock, 2)) {
            for (int i = 0; i < 30; i++) {
                a.database().calls().count("token:7", now);
            }
            for (int i = 0; i < 20; i++) {
                b.database().calls().count("token:7", now);
            }
            assertThat(a.database().calls().count("token:7", now)).as("before sharing, a node knows its own")
                    .isEqualTo(31);
            a.database().shareCallCounts();
            b.database().shareCallCounts();
            a.database().shareCallCounts();
            assertThat(a.database().calls().count("token:7", now)).isEqualTo(52);
            assertThat(b.database().calls().count("token:7", now)).isEqualTo(52);
            assertThat(b.database().calls().count("token:8", now)).as("keys are counted apart").isEqualTo(1);
            assertThat(a.database().calls().count("token:7", now.plusSeconds(60))).as("a new minute").isEqualTo(1);
        }
    }
}
