package dev.pat.rest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AnswersTest {

    @Test
    void times_are_written_as_the_platform_writes_them() {
        assertThat(Answers.time(Instant.parse("2026-11-28T09:05:07.999Z"))).isEqualTo("2026-11-28 09:05:07");
        assertThat(Answers.time(Instant.EPOCH)).isEqualTo("1970-01-01 00:00:00");
        assertThat(Answers.time(Instant.parse("9999-12-31T23:59:59Z"))).isEqualTo("9999-12-31 23:59:59");
        assertThat(Answers.time(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01 00:00:00");
    }

    @Test
    void the_hand_written_format_agrees_with_the_formatter_everywhere() {
        Random random = new Random(13);
        long lowest = Instant.parse("-0500-01-01T00:00:00Z").getEpochSecond();
        long highest = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(lowest + (long) (random.nextDouble() * (highest - lowest)),
                    random.nextInt(1_000_000_000));
            assertThat(Answers.time(instant)).as("%s", instant).isEqualTo(Answers.TIME.format(instant));
        }
    }
}
