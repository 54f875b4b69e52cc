package dev.pat.rest;

import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fault inside a use case: HTTP 500, result 99, nothing of the fault in the answer but an incident id, and the
 * stack trace under that id in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
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
    void a_fault_is_http_500_with_result_99_an_incident_id_and_no_detail(CapturedOutput log) throws Exception {
        TestPlatform t = new TestPlatform();
        var ann = t.account("ann@example.com");
        String session = t.platform.signIn().signIn(ann.login(), TestPlatform.password()).key().reveal();
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new PlatformApiController(
                        new Endpoints(EndpointsTest.groups(t, new BrokenEnvironments())), JsonMapper.builder().build()))
                .setControllerAdvice(new FailureAnswers()).build();
        String body = mvc.perform(get("/1.0/environment/control/rest/getenvs").param("session", session))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.result").value(99))
                .andExpect(jsonPath("$.error").value(matchesPattern("internal error \\(incident [0-9a-f]{12}\\)")))
                .andExpect(content().string(not(containsString("hunter2"))))
                .andExpect(content().string(not(containsString("db-host"))))
                .andExpect(content().string(not(containsString("at dev.pat"))))
                .andReturn().getResponse().getContentAsString();
        String incident = body.replaceAll(".*incident ([0-9a-f]{12}).*", "$1");
        assertThat(log.getAll()).contains("internal error, incident " + incident)
                .contains("IllegalStateException").contains("at dev.pat.rest.InternalFaultTest$BrokenEnvironments");
    }
}
