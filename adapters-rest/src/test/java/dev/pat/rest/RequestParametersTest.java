package dev.pat.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a call's parameters, as cheaply as the call allows. */
class RequestParametersTest {

    @Test
    void a_call_without_a_body_never_reaches_the_json_parser() {
        // no JSON mapper at all: a body-less call that tried to parse JSON would fail here
        RequestParameters read = new RequestParameters(10).form("envName=bench&session=x")
                .body("application/json", new byte[0], null);
        assertThat(read.values()).containsKeys("envName", "session");
    }
}
