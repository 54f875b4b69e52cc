package dev.pat.domain.model.token;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.testing.SeededRandomness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenValueTest {

    private final TokenValue value = TokenValue.generate(new SeededRandomness(7));

    @Test
    void a_value_has_the_prefix_forty_random_and_six_checksum_characters() {
        assertThat(value.reveal()).matches("pat_[0-9A-Za-z]{46}");
    }

    @Test
    void a_generated_value_parses_back() {
        assertThat(TokenValue.parse(value.reveal())).map(TokenValue::reveal).contains(value.reveal());
    }

    @Test
    void a_mistyped_character_fails_the_checksum() {
        String text = value.reveal();
        char wrong = text.charAt(10) == 'a' ? 'b' : 'a';
        String typo = text.substring(0, 10) + wrong + text.substring(11);
        assertThat(TokenValue.parse(typo)).isEmpty();
    }

    @Test
    void wrong_length_prefix_or_alphabet_is_refused() {
        assertThat(TokenValue.parse(value.reveal() + "x")).isEmpty();
        assertThat(TokenValue.parse("ghp_" + value.reveal().substring(4))).isEmpty();
        assertThat(TokenValue.parse(value.reveal().substring(0, 20) + "-" + value.reveal().substring(21))).isEmpty();
        assertThat(TokenValue.parse(null)).isEmpty();
    }

    @Test
    void values_differ_from_one_generation_to_the_next() {
        SeededRandomness randomness = new SeededRandomness(1);
        assertThat(TokenValue.generate(randomness).reveal()).isNotEqualTo(TokenValue.generate(randomness).reveal());
    }

    @Test
    void the_value_never_shows_in_a_string_and_the_hint_shows_only_checksum_characters() {
        assertThat(value.toString()).doesNotContain(value.reveal().substring(4, 44));
        assertThat(value.hint().value()).isEqualTo("pat_…" + value.reveal().substring(46));
    }

    @Test
    void the_digest_is_sha256_of_the_value() {
        assertThat(value.digest()).isEqualTo(Digest.of(value.reveal()));
        assertThat(Digest.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
