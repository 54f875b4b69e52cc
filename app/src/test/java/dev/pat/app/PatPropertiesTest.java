package dev.pat.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatPropertiesTest {

    private static PatProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("pat", PatProperties.class);
    }

    @Test
    void nothing_set_gives_the_documented_defaults() {
        PatProperties defaults = bind(Map.of());
        assertThat(defaults.db().url()).isEqualTo("jdbc:sqlite:./data/pat.db");
        assertThat(defaults.platformDomain()).isEqualTo("pat.local");
        assertThat(defaults.argon2().memoryKib()).isEqualTo(19_456);
        assertThat(defaults.session().idle()).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.cache().tokens()).isEqualTo(100_000);
    }

    @Test
    void a_value_that_makes_no_sense_stops_the_start_naming_the_property() {
        assertThatThrownBy(() -> bind(Map.of("pat.argon2.memory-kib", "1024"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("pat.argon2");
        assertThatThrownBy(() -> bind(Map.of("pat.db.url", "jdbc:mysql://x/y"))).rootCause()
                .hasMessageContaining("pat.db.url");
        assertThatThrownBy(() -> bind(Map.of("pat.session.idle", "48h"))).rootCause()
                .hasMessageContaining("pat.session.idle");
    }

    @Test
    void the_database_password_never_shows_in_a_string() {
        assertThat(bind(Map.of("pat.db.password", "hunter2", "pat.db.url", "jdbc:postgresql://h/d?password=x"))
                .toString()).doesNotContain("hunter2").doesNotContain("password=x");
    }
}
