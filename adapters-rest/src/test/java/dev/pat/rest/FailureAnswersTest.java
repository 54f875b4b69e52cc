package dev.pat.rest;

import dev.pat.domain.model.PatFailure;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class FailureAnswersTest {

    @Test
    void every_kind_of_core_failure_has_a_result_code() {
        assertThat(PatFailure.class.getPermittedSubclasses()).isNotEmpty().allSatisfy(kind ->
                assertThat(Arrays.stream(kind.getConstructors()).findFirst()).isPresent());
        for (Class<?> kind : PatFailure.class.getPermittedSubclasses()) {
            assertThat(FailureAnswers.RESULTS).as(kind.getSimpleName()).containsKey(kind.asSubclass(PatFailure.class));
        }
    }

    @Test
    void the_access_log_redacts_every_secret_parameter() {
        assertThat(AccessLog.redact("envName=x&session=pat_abc&Password=p&key=k&code=123456&ids=1"))
                .isEqualTo("?envName=x&session=[redacted]&Password=[redacted]&key=[redacted]&code=[redacted]&ids=1");
    }

    @Test
    void the_access_log_redacts_a_secret_whose_name_is_percent_encoded_as_the_server_decodes_it() {
        assertThat(AccessLog.redact("sess%69on=pat_abc&%4Bey=k&pass%zzword=p&envName=%73ession&sessions=s"))
                .isEqualTo("?sess%69on=[redacted]&%4Bey=[redacted]&pass%zzword=[redacted]&envName=%73ession"
                        + "&sessions=s");
        assertThat(AccessLog.redact(null)).isEmpty();
    }
}
