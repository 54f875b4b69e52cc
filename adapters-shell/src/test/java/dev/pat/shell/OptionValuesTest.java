package dev.pat.shell;

import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OptionValuesTest {
    private final OptionValues values = new OptionValues(new TestPlatform().platform.tokens());

    private List<String> complete(String option, String word) {
        return values.apply(new CompletionContext(List.of("token", "generate", word), 2, word.length(), null,
                CommandOption.with().longName(option).build())).stream().map(CompletionProposal::value).toList();
    }

    @Test
    void api_sets_complete_to_ids_that_need_no_quoting() {
        assertThat(complete("api-set", "")).containsExactly("extended-access", "ide-plugins", "marketplace",
                "maven-plugin", "custom");
        assertThat(complete("api-set", "--api-set=")).contains("--api-set=ide-plugins");
    }

    @Test
    void methods_and_expiry_dates_complete_too() {
        assertThat(complete("methods", "")).contains("environment.Control.StopEnv")
                .noneMatch(m -> m.startsWith("users."));
        assertThat(complete("expires-at", "")).containsExactly("27-12-2026", "25-02-2027", "27-11-2027");
        assertThat(complete("description", "")).isEmpty();
    }
}
