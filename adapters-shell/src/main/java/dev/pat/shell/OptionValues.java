package dev.pat.shell;

import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.catalog.ApiSet;
import dev.pat.domain.port.in.ManageTokens;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Tab completion of option values: API sets (by id, no spaces to quote), API methods, and common expiry dates. */
final class OptionValues implements CompletionProvider {
    static final String BEAN = "patOptionValues";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(ZoneOffset.UTC);

    private final ManageTokens tokens;

    OptionValues(ManageTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public List<CompletionProposal> apply(CompletionContext context) {
        CommandOption option = context.getCommandOption();
        if (option == null) {
            return List.of();
        }
        String word = context.currentWord() == null ? "" : context.currentWord();
        String prefix = word.startsWith("--" + option.longName() + "=") ? "--" + option.longName() + "=" : "";
        List<CompletionProposal> proposals = new ArrayList<>();
        switch (option.longName()) {
            case "api-set" -> {
                ApiCatalog.platform().apiSets().forEach(s ->
                        proposals.add(new CompletionProposal(prefix + s.id()).displayText(s.name())));
                proposals.add(new CompletionProposal(prefix + "custom").displayText(ApiSet.CUSTOM));
            }
            case "methods" -> ApiCatalog.platform().grantable("").forEach(m ->
                    proposals.add(new CompletionProposal(prefix + m.method().canonical())
                            .displayText(m.method().canonical())));
            case "expires-at" -> {
                for (LocalDate suggested : tokens.suggestedExpiries()) {
                    String day = DAY.format(suggested);
                    proposals.add(new CompletionProposal(prefix + day).displayText(day));
                }
            }
            default -> {
                // other options take free text
            }
        }
        return proposals;
    }
}
