package dev.pat.domain.port.in;

import dev.pat.domain.model.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeRequestTest {

    @Test
    void a_set_or_a_list_as_typed_in_any_face() {
        assertThat(ScopeRequest.parse(Optional.of(" IDE Plugins "), List.of()))
                .contains(ScopeRequest.apiSet("IDE Plugins"));
        assertThat(ScopeRequest.parse(Optional.empty(), List.of("a.B.C, a.B.D")))
                .contains(ScopeRequest.custom(List.of("a.B.C", "a.B.D")));
        assertThat(ScopeRequest.parse(Optional.of(""), List.of(" "))).isEmpty();
    }

    @Test
    void a_token_that_needs_an_api_is_refused_one_without() {
        assertThatThrownBy(() -> ScopeRequest.required(Optional.empty(), List.of()))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("apiList: give a predefined API set");
    }
}
