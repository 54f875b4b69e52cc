package dev.pat.shell;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiSet;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.TokenView;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The values an option may take, for completion: API sets by the names tables show, API methods (after a comma
 * too, keeping what was typed), common expiry dates, and the signed-in account's token ids.
 */
final class OptionValues {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final ApiCatalog CATALOG = ApiCatalog.platform();

    private final ManageTokens tokens;
    private final Supplier<List<TokenView>> ownTokens;

    OptionValues(ManageTokens tokens, Supplier<List<TokenView>> ownTokens) {
        this.tokens = tokens;
        this.ownTokens = ownTokens;
    }

    /** The values of {@code option} that complete {@code typed}, each whole (what was typed before it kept). */
    List<String> values(String option, String typed) {
        return switch (option) {
            case "api-set" -> {
                List<String> names = new ArrayList<>(CATALOG.apiSets().stream().map(ApiSet::name).toList());
                names.add(ApiSet.CUSTOM);
                yield startingWith(names, typed);
            }
            case "methods" -> list(typed, CATALOG.grantable("").stream().map(m -> m.method().canonical()).toList());
            case "expires-at" -> startingWith(tokens.suggestedExpiries().stream().map(DAY::format).toList(), typed);
            case "id", "token" -> startingWith(ids(), typed);
            case "ids" -> list(typed, ids());
            default -> List.of();
        };
    }

    private List<String> ids() {
        try {
            return ownTokens.get().stream().map(t -> Long.toString(t.id())).toList();
        } catch (RuntimeException notSignedIn) {
            return List.of();
        }
    }

    /** A comma-separated list: the items already typed stay, the one being typed is completed. */
    private static List<String> list(String typed, List<String> items) {
        int comma = typed.lastIndexOf(',');
        String before = typed.substring(0, comma + 1);
        Set<String> taken = Arrays.stream(before.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        String last = typed.substring(comma + 1).trim().toLowerCase(Locale.ROOT);
        return items.stream().filter(i -> !taken.contains(i.toLowerCase(Locale.ROOT)))
                .filter(i -> i.toLowerCase(Locale.ROOT).startsWith(last) || shortName(i).startsWith(last))
                .map(i -> before + i).toList();
    }

    private static String shortName(String method) {
        return method.substring(method.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static List<String> startingWith(List<String> values, String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        return values.stream().filter(v -> v.toLowerCase(Locale.ROOT).startsWith(lower)).toList();
    }
}
