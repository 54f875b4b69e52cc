package dev.pat.acceptance.report;

import io.cucumber.htmlformatter.MessagesToHtmlWriter;
import io.cucumber.messages.ndjson.Serializer;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.Source;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cucumber's HTML report, titled by the face the specification ran through, with each feature listed by its name
 * ("2. Managing access tokens") rather than by where its file sits on the classpath. A reviewer opening two reports
 * side by side sees at once which is which.
 */
public abstract class FaceReport implements ConcurrentEventListener {
    private static final Pattern FEATURE = Pattern.compile("^\\s*Feature:\\s*(.+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern NUMBER = Pattern.compile("(\\d+)_[^/]*\\.feature$");

    private final MessagesToHtmlWriter writer;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    protected FaceReport(OutputStream out, String face) throws IOException {
        Serializer json = new Serializer();
        this.writer = MessagesToHtmlWriter.builder(json::writeValue)
                .title("PAT specification, through " + face)
                .build(out);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(Envelope.class, this::write);
    }

    private synchronized void write(Envelope envelope) {
        try {
            writer.write(named(envelope));
            if (envelope.getTestRunFinished().isPresent()) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope with a feature's classpath location replaced by its number and name. */
    Envelope named(Envelope envelope) {
        if (envelope.getSource().isPresent()) {
            Source source = envelope.getSource().get();
            return Envelope.of(new Source(name(source.getUri(), source.getData()), source.getData(),
                    source.getMediaType()));
        }
        if (envelope.getGherkinDocument().isPresent()) {
            GherkinDocument document = envelope.getGherkinDocument().get();
            return Envelope.of(new GherkinDocument(document.getUri().map(this::nameOf).orElse(null),
                    document.getFeature().orElse(null), document.getComments()));
        }
        if (envelope.getPickle().isPresent()) {
            Pickle pickle = envelope.getPickle().get();
            return Envelope.of(new Pickle(pickle.getId(), nameOf(pickle.getUri()), pickle.getName(),
                    pickle.getLanguage(), pickle.getSteps(), pickle.getTags(), pickle.getAstNodeIds()));
        }
        return envelope;
    }

    private String name(String uri, String text) {
        Matcher feature = FEATURE.matcher(text);
        Matcher number = NUMBER.matcher(uri);
        String name = (number.find() ? number.group(1) + ". " : "") + (feature.find() ? feature.group(1) : uri);
        names.put(uri, name);
        return name;
    }

    private String nameOf(String uri) {
        return uri == null ? null : names.getOrDefault(uri, uri);
    }
}
