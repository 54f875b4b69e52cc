package dev.pat.domain.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListTextTest {

    @Test
    void every_spelling_of_a_list_gives_the_same_items() {
        List<String> expected = List.of("environment.Control.StopEnv", "environment.Control.GetEnvs");
        for (String typed : List.of("environment.Control.StopEnv,environment.Control.GetEnvs",
                "environment.Control.StopEnv; environment.Control.GetEnvs",
                "environment.Control.StopEnv environment.Control.GetEnvs",
                "[\"environment.Control.StopEnv\", \"environment.Control.GetEnvs\"]",
                "['environment.Control.StopEnv', 'environment.Control.GetEnvs']")) {
            assertThat(ListText.items("apiList", typed)).as(typed).isEqualTo(expected);
        }
        assertThat(ListText.items("apiList", List.of("environment.Control.StopEnv", "environment.Control.GetEnvs")))
                .isEqualTo(expected);
        assertThat(ListText.items("ids", List.of("1;4", "[6]", ",,"))).containsExactly("1", "4", "6");
    }

    @Test
    void an_unclosed_or_endless_list_is_refused_naming_the_field() {
        assertThatThrownBy(() -> ListText.items("ids", "[1,2")).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("ids: ");
        assertThatThrownBy(() -> ListText.items("ids", "7,".repeat(ListText.MAX_ITEMS + 1)))
                .isInstanceOf(InvalidInput.class).hasMessage("ids: lists at most 1000 items");
    }
}
