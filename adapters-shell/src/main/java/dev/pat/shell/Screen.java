package dev.pat.shell;

import dev.pat.domain.model.audit.AuditEvent;
import dev.pat.domain.model.catalog.ApiSet;
import dev.pat.domain.model.token.TokenId;
import dev.pat.domain.port.in.TokenView;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.jline.tui.table.ArrayTableModel;
import org.springframework.shell.jline.tui.table.BorderStyle;
import org.springframework.shell.jline.tui.table.TableBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the shell shows things: tables that fit the terminal, or JSON for scripts. A token's JSON is the core's
 * {@link TokenView}, the same object the platform API answers with; only times differ, on purpose: ISO-8601 here
 * for scripts and jq, the platform's {@code yyyy-MM-dd HH:mm:ss} in the API for its clients.
 */
@Component
class Screen {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
            .withZone(ZoneOffset.UTC);
    private final ObjectProvider<Terminal> terminal;
    // times for scripts as ISO-8601 in UTC to the second, which jq's fromdateiso8601 reads
    private final JsonMapper json = JsonMapper.builder().addModule(new SimpleModule("pat-shell-times")
            .addSerializer(Instant.class, new ValueSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator out, SerializationContext context) {
                    out.writeString(DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS)));
                }
            })).build();

    private final boolean toTerminal;
    private final boolean colors;

    Screen(ObjectProvider<Terminal> terminal) {
        this.terminal = terminal;
        // the interactive shell has a Terminal bean; one command writes to a terminal only if its output is one
        this.toTerminal = terminal.getIfAvailable() != null || Tty.isTerminal(1);
        String noColor = System.getenv("NO_COLOR");
        this.colors = toTerminal && (noColor == null || noColor.isEmpty());
    }

    /** Whether output is read by a person at a terminal (tables) rather than a program (tab-separated lines). */
    boolean toTerminal() {
        return toTerminal;
    }

    /** Whether colours may be used: on a terminal, unless NO_COLOR is set (https://no-color.org). */
    boolean colors() {
        return colors;
    }

    int width() {
        Terminal t = terminal.getIfAvailable();
        if (t != null && t.getWidth() > 20) {
            return t.getWidth();
        }
        String columns = System.getenv("COLUMNS");
        return columns != null && columns.matches("\\d{2,4}") ? Integer.parseInt(columns) : 120;
    }

    /**
     * Rows under a header: a table drawn to fit the terminal, or, when output goes to a program, one line per row
     * with tab-separated fields and no header, as gh does.
     */
    void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        if (!toTerminal) {
            rows.forEach(r -> out.println(String.join("\t", r.stream().map(c -> c.replace('\t', ' ')
                    .replace('\n', ' ')).toList())));
            out.flush();
            return;
        }
        Object[][] cells = new Object[rows.size() + 1][];
        cells[0] = header.toArray();
        for (int i = 0; i < rows.size(); i++) {
            cells[i + 1] = rows.get(i).toArray();
        }
        out.print(new TableBuilder(new ArrayTableModel(cells)).addHeaderAndVerticalsBorders(BorderStyle.fancy_light)
                .build().render(width()));
        out.flush();
    }

    void json(PrintWriter out, Object value) {
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        out.flush();
    }

    static String time(Instant instant) {
        return DAY_TIME.format(instant) + " UTC";
    }

    static String apiSetName(TokenView token) {
        return token.tokenTemplate().custom() ? ApiSet.CUSTOM + " (" + token.apiListItems().size() + ")"
                : token.tokenTemplate().name();
    }

    static List<String> row(TokenView t) {
        return List.of(Long.toString(t.id()), t.description(), apiSetName(t),
                t.expiresAt().map(Screen::time).orElse("never"),
                t.lastUsed().map(Screen::time).orElse("never"), status(t), hints(t));
    }

    /** The status, with what needs attention: an expiry coming soon, limits beyond the methods. */
    static String status(TokenView t) {
        StringBuilder status = new StringBuilder(t.status());
        if (t.expiringSoon()) {
            status.append(", expires soon");
        }
        if (!t.envNames().isEmpty() || !t.allowedIps().isEmpty() || t.rateLimit().isPresent()
                || t.idleDays().isPresent()) {
            status.append(", limited");
        }
        return status.toString();
    }

    /** The value's hint, and during a rotation's overlap the old value's too. */
    static String hints(TokenView t) {
        return t.previousValue().map(p -> t.hint() + " (old " + p.hint() + " until " + time(p.worksUntil()) + ")")
                .orElse(t.hint());
    }

    /** One token whole, a line per setting, in the seed's and the API's words. */
    static void details(PrintWriter out, TokenView t) {
        out.println("Token " + t.id() + ": " + t.description());
        out.println("  API:          " + apiSetName(t) + " — " + String.join(", ", t.methodNames()));
        out.println("  Expires At:   " + t.expiresAt().map(Screen::time).orElse("never")
                + (t.expiringSoon() ? " (soon)" : ""));
        out.println("  Status:       " + t.status());
        out.println("  Created:      " + time(t.createdOn()));
        out.println("  Last used:    " + t.lastUsed().map(Screen::time).orElse("never"));
        out.println("  Hint:         " + t.hint());
        out.println("  envNames:     " + (t.envNames().isEmpty() ? "every environment" : String.join(", ",
                t.envNames())));
        out.println("  allowedIps:   " + (t.allowedIps().isEmpty() ? "anywhere" : String.join(", ", t.allowedIps())));
        out.println("  rateLimit:    " + t.rateLimit().map(r -> r + " calls a minute").orElse("the default"));
        out.println("  idleDays:     " + t.idleDays().map(d -> d + " days").orElse("never idle"));
        t.previousValue().ifPresent(p -> out.println("  Old value:    " + p.hint() + ", works until "
                + time(p.worksUntil()) + ", last used " + p.lastUsed().map(Screen::time).orElse("never")));
        out.println("  Used from:    " + (t.lastUsedIps().isEmpty() ? "nowhere yet" : String.join(", ",
                t.lastUsedIps())));
        out.println("  Used methods: " + (t.usedMethods().isEmpty() ? "none yet" : t.usedMethods().stream()
                .map(m -> m.method() + " (" + m.calls() + ")").collect(java.util.stream.Collectors.joining(", "))));
        out.flush();
    }

    static final List<String> EVENT_HEADER = List.of("TIME", "TOKEN", "ACTOR", "ADDRESS", "WHAT", "METHOD",
            "RESULT", "COUNT", "DETAIL");

    static List<String> eventRow(AuditEvent e) {
        return List.of(time(e.at()), e.token().map(t -> Long.toString(t.value())).orElse(""), e.actor().value(),
                e.address().value(), e.kind().code(), e.method().orElse(""), e.result(), Long.toString(e.calls()),
                e.detail());
    }

    /** An audit event for --json: the same fields as GetTokenEvents, times in ISO-8601. */
    static Map<String, Object> event(AuditEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", e.at());
        json.put("tokenId", e.token().map(TokenId::value).orElse(null));
        json.put("actor", e.actor().value());
        json.put("address", e.address().value());
        json.put("what", e.kind().code());
        json.put("method", e.method().orElse(null));
        json.put("result", e.result());
        json.put("count", e.calls());
        json.put("detail", e.detail());
        return json;
    }

    static final List<String> TOKEN_HEADER = List.of("ID", "DESCRIPTION", "API", "EXPIRES AT", "LAST USED",
            "STATUS", "HINT");
}
