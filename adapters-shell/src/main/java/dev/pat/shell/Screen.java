package dev.pat.shell;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiSet;
import dev.pat.domain.model.token.AccessToken;
import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.jline.tui.table.ArrayTableModel;
import org.springframework.shell.jline.tui.table.BorderStyle;
import org.springframework.shell.jline.tui.table.TableBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the shell shows things: tables that fit the terminal, or JSON for scripts. */
@Component
class Screen {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
            .withZone(ZoneOffset.UTC);
    private final ObjectProvider<Terminal> terminal;
    private final JsonMapper json = JsonMapper.builder().build();

    Screen(ObjectProvider<Terminal> terminal) {
        this.terminal = terminal;
    }

    int width() {
        Terminal t = terminal.getIfAvailable();
        if (t != null && t.getWidth() > 20) {
            return t.getWidth();
        }
        String columns = System.getenv("COLUMNS");
        return columns != null && columns.matches("\\d{2,4}") ? Integer.parseInt(columns) : 120;
    }

    void table(PrintWriter out, List<String> header, List<List<String>> rows) {
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

    static String apiSetName(AccessToken token) {
        return token.scope().apiSetId().flatMap(ApiCatalog.platform()::apiSet).map(ApiSet::name)
                .orElse(ApiSet.CUSTOM + " (" + token.scope().methods().size() + ")");
    }

    static List<String> row(AccessToken t, Instant now) {
        return List.of(Long.toString(t.id().value()), t.description().value(), apiSetName(t),
                time(t.expiry().at()), t.lastUsed().map(Screen::time).orElse("never"),
                t.status(now) == AccessToken.Status.ACTIVE ? "active" : "expired", t.hint().value());
    }

    static final List<String> TOKEN_HEADER = List.of("ID", "DESCRIPTION", "API", "EXPIRES AT", "LAST USED",
            "STATUS", "HINT");

    /** A token for scripts: never its value. */
    static Map<String, Object> tokenJson(AccessToken t, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id().value());
        json.put("account", t.owner().value());
        json.put("description", t.description().value());
        json.put("apiSet", t.scope().apiSetId().orElse("custom"));
        List<String> methods = new ArrayList<>();
        t.scope().methods().forEach(m -> methods.add(m.canonical()));
        json.put("methods", methods);
        json.put("expiresAt", t.expiry().format());
        json.put("createdOn", DateTimeFormatter.ISO_INSTANT.format(t.createdOn()));
        json.put("lastUsed", t.lastUsed().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null));
        json.put("status", t.status(now) == AccessToken.Status.ACTIVE ? "active" : "expired");
        json.put("hint", t.hint().value());
        return json;
    }
}
