package dev.pat.acceptance.report;

import dev.pat.acceptance.api.ApiFaceReport;
import dev.pat.acceptance.shell.ShellFaceReport;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.Source;
import io.cucumber.messages.types.SourceMediaType;
import io.cucumber.messages.types.TestRunFinished;
import io.cucumber.messages.types.Timestamp;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FaceReportTest {
    private static final String URI = "classpath:features/2_managing_tokens.feature";

    private static String report(FaceReport report, ByteArrayOutputStream out) {
        report.setEventPublisher(new io.cucumber.plugin.event.EventPublisher() {
            @Override
            public <T> void registerHandlerFor(Class<T> type, io.cucumber.plugin.event.EventHandler<T> handler) {
                @SuppressWarnings("unchecked")
                io.cucumber.plugin.event.EventHandler<Envelope> envelopes =
                        (io.cucumber.plugin.event.EventHandler<Envelope>) handler;
                envelopes.receive(Envelope.of(new Source(URI, "# the seed's step 3\nFeature: Managing access tokens\n",
                        SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN)));
                envelopes.receive(Envelope.of(new Pickle("1", URI, "Edit a token's description", "en", List.of(),
                        List.of(), List.of("2"))));
                envelopes.receive(Envelope.of(new TestRunFinished(null, true, new Timestamp(0L, 0L), null, null)));
            }

            @Override
            public <T> void removeHandlerFor(Class<T> type, io.cucumber.plugin.event.EventHandler<T> handler) {
            }
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachFaceTitlesItsReport() throws Exception {
        ByteArrayOutputStream api = new ByteArrayOutputStream();
        ByteArrayOutputStream shell = new ByteArrayOutputStream();
        assertThat(report(new ApiFaceReport(api), api))
                .contains("<title>PAT specification, through the HTTP API</title>");
        assertThat(report(new ShellFaceReport(shell), shell))
                .contains("<title>PAT specification, through the admin shell</title>");
    }

    @Test
    void featuresAreListedByNumberAndName() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String html = report(new ApiFaceReport(out), out);
        assertThat(html).contains("\"uri\":\"2. Managing access tokens\"").doesNotContain("classpath:features");
    }
}
