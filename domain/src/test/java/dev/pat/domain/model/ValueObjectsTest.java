package dev.pat.domain.model;

import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvStatus;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.TokenId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTest {

    @Test
    void a_description_is_required_and_at_most_255_characters() {
        assertThatThrownBy(() -> new Description("  ")).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("description: required");
        assertThatThrownBy(() -> new Description("x".repeat(256))).isInstanceOf(InvalidInput.class)
                .hasMessage("description: at most 255 characters (got 256)");
        assertThat(new Description("x".repeat(255)).value()).hasSize(255);
        assertThat(new Description("  deploy bot  ").value()).isEqualTo("deploy bot");
    }

    @Test
    void a_description_that_reads_differently_from_what_it_holds_or_shows_nothing_is_refused() {
        assertThatThrownBy(() -> new Description("deploy \u202Eyrtne")).isInstanceOf(InvalidInput.class)
                .hasMessage("description: must not contain bidirectional overrides or isolates");
        assertThatThrownBy(() -> new Description("a\u2066b\u2069")).isInstanceOf(InvalidInput.class);
        for (String invisible : new String[] {"\u200B\u200B", "\u200D \u2060", "\uFEFF", "\u3164", "\u2800\u00A0"}) {
            assertThatThrownBy(() -> new Description(invisible)).as(invisible).isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("description: ");
        }
        assertThat(new Description("déploiement ✓ 🚀 日本").value()).isEqualTo("déploiement ✓ 🚀 日本");
        assertThat(new Description("\u05E9\u05DC\u05D5\u05DD deploy").value()).startsWith("\u05E9");
    }

    @Test
    void a_description_of_a_megabyte_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> new Description("y".repeat(1_000_000)))
                .hasMessage("description: at most 255 characters (got 1000000)");
    }

    @Test
    void a_description_has_no_line_breaks() {
        assertThatThrownBy(() -> new Description("a\nb")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void a_copy_is_described_as_such_and_still_fits() {
        assertThat(new Description("ci").copy().value()).isEqualTo("Copy of ci");
        assertThat(new Description("z".repeat(255)).copy().value()).hasSize(255).startsWith("Copy of ");
    }

    @Test
    void a_login_is_an_email_compared_case_insensitively() {
        assertThat(new Login(" Ann@Example.COM ")).isEqualTo(new Login("ann@example.com"));
        assertThatThrownBy(() -> new Login("ann")).isInstanceOf(InvalidInput.class)
                .hasMessage("login: 'ann' is not an e-mail address");
    }

    @Test
    void a_chosen_password_has_at_least_ten_characters_and_never_prints() {
        assertThatThrownBy(() -> Password.chosen("short")).hasMessage("password: at least 10 characters");
        assertThat(Password.given("s3cret-value").toString()).doesNotContain("s3cret");
        assertThat(Credential.presented("s3cret-value").toString()).doesNotContain("s3cret");
    }

    @Test
    void an_environment_name_is_a_dns_label() {
        assertThat(new EnvName("My-Project").value()).isEqualTo("my-project");
        assertThatThrownBy(() -> new EnvName("-bad")).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("envName: '-bad' is not a valid name");
        assertThatThrownBy(() -> new EnvName("a_b")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_token_id_is_a_positive_number() {
        assertThat(TokenId.parse("ids", " 12 ").value()).isEqualTo(12);
        assertThatThrownBy(() -> TokenId.parse("ids", "12x")).hasMessage("ids: '12x' is not a token id");
        assertThatThrownBy(() -> TokenId.parse("id", "0")).hasMessage("id: must be a positive number");
    }

    @Test
    void environment_status_numbers_are_the_platforms() {
        assertThat(EnvStatus.RUNNING.code()).isEqualTo(1);
        assertThat(EnvStatus.DOWN.code()).isEqualTo(2);
        assertThat(EnvStatus.SLEEPING.code()).isEqualTo(4);
        assertThat(EnvStatus.ofCode(4)).isEqualTo(EnvStatus.SLEEPING);
    }
}
