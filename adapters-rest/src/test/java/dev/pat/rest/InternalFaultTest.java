package dev.pat.rest;

import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvSettings;
import dev.pat.domain.model.environment.Environment;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.testing.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

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

        public Environment create(Caller c, EnvName n, EnvSettings s) { throw fault(); }
        public Environment setDisplayName(Caller c, EnvName n, Optional<String> d) { throw fault(); }
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
        String session = t.platform.signIn().signIn(ann.login(), TestPlatform.password(), TestPlatform.HERE).key()
                .reveal();
        PlatformApiFilter api = new PlatformApiFilter(new Endpoints(EndpointsTest.groups(t, new BrokenEnvironments())),
                JsonMapper.builder().build(), HttpLimits.STANDARD,
                new ApiCounts(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/1.0/environment/control/rest/getenvs");
        request.setQueryString("session=" + session);
        request.setRemoteAddr("192.0.2.10");
        MockHttpServletResponse response = new MockHttpServletResponse();
        api.doFilter(request, response, new MockFilterChain());

        String body = response.getContentAsString();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body).contains("\"result\":99").containsPattern("internal error \\(incident [0-9a-f]{12}\\)")
                .doesNotContain("hunter2").doesNotContain("db-host").doesNotContain("at dev.pat");
        String incident = body.replaceAll(".*incident ([0-9a-f]{12}).*", "$1");
        assertThat(log.getAll()).contains("internal error, incident " + incident)
                .contains("IllegalStateException").contains("at dev.pat.rest.InternalFaultTest$BrokenEnvironments");
    }
}
