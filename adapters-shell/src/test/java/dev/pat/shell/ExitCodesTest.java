package dev.pat.shell;

import dev.pat.domain.model.PatFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.shell.core.command.ExitStatus;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ExitCodesTest {

    @Test
    void every_kind_of_core_failure_has_an_exit_status_of_its_own_above_1() {
        assertThat(PatFailure.class.getPermittedSubclasses()).isNotEmpty();
        for (Class<?> kind : PatFailure.class.getPermittedSubclasses()) {
            assertThat(ExitCodes.codes()).as(kind.getSimpleName()).containsKey(kind.asSubclass(PatFailure.class));
            assertThat(ExitCodes.codes().get(kind.asSubclass(PatFailure.class))).as(kind.getSimpleName())
                    .isBetween(2, 8);
        }
    }

    @Test
    void a_fault_is_status_1_with_an_incident_id_whose_stack_trace_is_in_the_log(CapturedOutput log) {
        ExitStatus status = new ExitCodes().apply(new IllegalStateException("db-host-17 refused; secret=hunter2"));
        assertThat(status.code()).isEqualTo(1);
        assertThat(status.description()).matches("internal error \\(incident [0-9a-f]{12}; details in the log\\)")
                .doesNotContain("hunter2");
        String incident = status.description().replaceAll(".*incident ([0-9a-f]{12}).*", "$1");
        assertThat(log.getAll()).contains("internal error, incident " + incident)
                .contains("at dev.pat.shell.ExitCodesTest");
    }
}
