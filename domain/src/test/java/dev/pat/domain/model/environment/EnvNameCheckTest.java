package dev.pat.domain.model.environment;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EnvNameCheckTest {
    @Test
    void a_name_written_by_hand_is_checked_as_the_regular_expression_it_replaced_checked_it() {
        Pattern reference = Pattern.compile("^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$");
        Random random = new Random(20261129);
        String alphabet = "abz09-_.A ";
        for (int i = 0; i < 100_000; i++) {
            int length = random.nextInt(43);
            StringBuilder name = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                // mostly valid characters, so that long valid names come up as well as invalid ones
                name.append(alphabet.charAt(random.nextInt(random.nextInt(20) == 0 ? alphabet.length() : 6)));
            }
            String text = name.toString();
            assertThat(EnvName.isLabel(text)).as(text).isEqualTo(reference.matcher(text).matches());
        }
    }
}
