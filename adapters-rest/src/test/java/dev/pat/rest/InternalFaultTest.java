package dev.pat.rest;

import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A fault inside a use case: HTTP 500, result 99, and nothing of the fault in the answer. */
class InternalFaultTest {

    /** Environments that fail as a broken database would. */
    static final class BrokenEnvironments implements ManageEnvironments {
        private static RuntimeException fault() {
            return new IllegalStateException("connection to db-host-17 refused; secret=hunter2");
        }

        public Environment create(Caller c, EnvName n) { throw fault(); }
        public List<Environment> list(Caller c) { throw fault(); }
        public Environment info(Caller c, EnvName n) { throw fault(); }
        public Environment start(Caller c, EnvName n) { throw fault(); }
        public Environment stop(Caller c, EnvName n) { throw fault(); }
        public Environment sleep(Caller c, EnvName n) { throw fault(); }
        public void delete(Caller c, EnvName n, Password p) { throw fault(); }
    }

    @Test
    void a_fault_is_http_500_with_result_99_and_no_detail() throws Exception {
        TestPlatform t = new TestPlatform();
        var ann = t.account("ann@example.com");
        String session = t.platform.signIn().signIn(ann.login(), TestPlatform.password()).key().reveal();
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new PlatformApiController(t.platform.authorize(),
                        t.platform.signIn(), t.platform.tokens(), new BrokenEnvironments(), t.clock,
                        JsonMapper.builder().build(), "pat.local"))
                .setControllerAdvice(new FailureAnswers()).build();
        mvc.perform(get("/1.0/environment/control/rest/getenvs").param("session", session))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.result").value(99))
                .andExpect(jsonPath("$.error").value("internal error"))
                .andExpect(content().string(not(containsString("hunter2"))))
                .andExpect(content().string(not(containsString("db-host"))))
                .andExpect(content().string(not(containsString("at dev.pat"))));
    }
}
